Feature: Inference through queen: streaming, seeds, stop sequences, a caller that leaves

  # scenarios.md S079 (the idle → busy → idle states arrive with queen's /v2/events)
  Scenario: S079 Tokens stream in real time
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a short story\",\"max_tokens\":20}" runs through POST /v2/tasks
    Then the task stream has an X-Job-Id header, then started, tokens 0 to 19, the worker's narration, metrics, end "MAX_TOKENS" and [DONE]
    And token 0 reached the caller at least 1500 ms before end
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S080
  Scenario: S080 Same seed, same text
    Given queen-rbee was started by the operator
    When I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --seed 42 --temperature 0.7"
    And I remember stdout as "seed 42"
    And I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --seed 42 --temperature 0.7"
    Then stdout equals the one remembered as "seed 42"
    When I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --seed 43 --temperature 0.7"
    Then stdout differs from the one remembered as "seed 42"
    When I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --seed 1 --temperature 0"
    And I remember stdout as "greedy"
    And I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --seed 2 --temperature 0"
    Then stdout equals the one remembered as "greedy"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S081, on a scripted model whose text is known: "Once up", a newline, "tim…"
  Scenario: S081 A stop sequence ends the job
    Given queen-rbee was started by the operator
    And a scripted model at "<rbee-home>/once.gguf" that writes "Once up\ntim" and stops
    When I run "rbee-keeper infer --model file:<rbee-home>/once.gguf --prompt 'write a short story'"
    Then the exit code is 0
    And stdout is "Once up\ntim"
    When I run "rbee-keeper infer --model file:<rbee-home>/once.gguf --prompt 'write a short story' --stop '\nti'"
    Then the exit code is 0
    And stdout is "Once up"
    And stderr has a line matching "\[rbee-keeper\] ✅ \d+ tokens in .*stop: STOP_SEQUENCE \"\\nti\"\)"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S094 (queen's access-log line arrives with the queen issue)
  Scenario: S094 The client disconnects
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a short story\",\"max_tokens\":200}" is abandoned by its caller after 5 tokens
    Then within 2 s of the caller leaving, a worker log says the job was cancelled (client disconnected)
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S087. A worker's context is the model's own (at most 32768 tokens; docs/decisions.md), so this
  # model's 20480 hold the 20000-character prompt, and the context fills about 480 tokens later.
  Scenario: S087 A long prompt from stdin, and a context that fills up
    Given a random test model with 2 layers and a context of 20480 tokens
    When I run "rbee-keeper infer --json --model 'file:<rbee-home>/models/test 2-layers.gguf' --prompt - --max-tokens 1000000" with 20000 characters on stdin
    Then the exit code is 0
    And the end event on stdout says MAX_TOKENS, and tokens_out plus prompt_tokens is 20480
    And within 10 s nothing of this scenario is running
