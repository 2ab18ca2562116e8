Feature: Happy paths on one machine

  # scenarios.md S019. The token delay (test mode) makes generation slow enough to tell streamed tokens from
  # tokens printed all at once at the end.
  Scenario: S019 Cold start on the local node with the demo model
    Given a fresh RBEE_HOME and no queen-rbee answering on a loopback queen URL
    And a hub server that records every request
    And the worker takes 100 ms per token
    When I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 20 --seed 7"
    Then the exit code is 0
    And stderr contains a line starting with "[rbee-keeper] 🚀 Starting queen-rbee (ephemeral) on http://127.0.0.1:"
    And stderr contains the line "[rbee-keeper] ⚠️ demo:tiny has random weights: its output is meaningless and only shows that the cluster works."
    And stderr contains the line "[queen-rbee] Starting rbee-hive on localhost"
    And stderr has a line matching "\[rbee-keeper\] ✅ 20 tokens in [0-9.]+ s \(.*stop: MAX_TOKENS\)"
    And stdout is one line of generated text
    And the tokens reached stdout while they were generated, the first at least 1000 ms before the last
    And the hub server received no request
    And RBEE_HOME contains the file "models/demo/demo-tiny.gguf"
    And the log "queen-rbee.log" contains "rbee-hive on localhost is up"
    And a worker log in RBEE_HOME contains "backend=cpu:0"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
