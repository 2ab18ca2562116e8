Feature: rbee-keeper status and worker list (cli.md §9, §12)

  # scenarios.md S026 (on localhost) and cli.md §12; status reports, it never starts a queen. Queen learns a
  # worker's busy slots from the hive's heartbeat, so during the job the worker may still read idle 0/1.
  Scenario: S026 status and worker list show the queen, the node, its worker and a job in flight
    Given the worker takes 200 ms per token
    And queen-rbee was started by the operator
    When I run "rbee-keeper worker list"
    Then the exit code is 0
    And stdout is "No workers running"
    When I run "rbee-keeper status"
    Then the exit code is 0
    And stdout is "queen-rbee 0.1.0 at <queen-url> (not started by rbee-keeper)\n\nNODES\nNODE       STATUS     HIVE     WORKERS\nlocalhost  reachable  stopped  0\n\nWORKERS\n(none)\n\nJOBS\n(none)"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 1"
    Then the exit code is 0
    When I run "rbee-keeper worker list"
    Then the exit code is 0
    And stdout has a line matching "WORKER\s+NODE\s+MODEL\s+BACKEND\s+STATE\s+SLOTS\s+URL"
    And stdout has a line matching "worker-\S+\s+localhost\s+demo:tiny\s+cpu:0\s+idle\s+0/1\s+http://127\.0\.0\.1:<first-worker-port>"
    When I run "rbee-keeper worker list --node localhost --json"
    Then the exit code is 0
    And stdout is a JSON document where "/workers/0/node" is '"localhost"'
    And stdout is a JSON document where "/workers/0/model_ref" is '"demo:tiny"'
    And stdout is a JSON document where "/workers/0/slots_total" is "1"
    And stderr is empty
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 100"
    And stdout has received 5 characters
    And I run "rbee-keeper status"
    Then the exit code is 0
    And stdout has a line matching "queen-rbee 0\.1\.0 at <queen-url> \(not started by rbee-keeper\)"
    And stdout has a line matching "localhost\s+reachable\s+running 0\.1\.0 <hive-url>\s+1"
    And stdout has a line matching "worker-\S+\s+localhost\s+demo:tiny\s+cpu:0\s+(idle|busy)\s+[01]/1\s+http://127\.0\.0\.1:<first-worker-port>"
    And stdout has a line matching "JOB\s+NODE\s+MODEL\s+TOKENS\s+ELAPSED"
    And stdout has a line matching "\S+\s+localhost\s+demo:tiny\s+\d+\s+\d+\.\d s"
    When I run "rbee-keeper status --json"
    Then the exit code is 0
    And stdout is a JSON document where "/queen/url" is '"<queen-url>"'
    And stdout is a JSON document where "/queen/running" is "true"
    And stdout is a JSON document where "/queen/owner" is '"external"'
    And stdout is a JSON document where "/nodes/0/node_name" is '"localhost"'
    And stdout is a JSON document where "/nodes/0/hive/url" is '"<hive-url>"'
    And stdout is a JSON document where "/workers" has 1 entry
    And stdout is a JSON document where "/jobs" has 1 entry
    And stdout is a JSON document where "/jobs/0/model" is '"demo:tiny"'
    And stderr is empty
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: status without a queen says so and starts none
    When I run "rbee-keeper status"
    Then the exit code is 1
    And stdout is "queen-rbee is not running at <queen-url>"
    And stderr contains the line "💡 Start it: rbee-keeper daemon start"
    And within 1 s no queen-rbee process of this scenario is left
    When I run "rbee-keeper status --json"
    Then the exit code is 1
    And stdout is a JSON document where "/queen" is '{"url":"<queen-url>","running":false,"version":null,"owner":null}'
    And stdout is a JSON document where "/nodes" has 0 entries
    And stdout is a JSON document where "/workers" has 0 entries
    And stdout is a JSON document where "/jobs" has 0 entries
    And stderr is empty
    When I run "rbee-keeper worker list"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Cannot connect to queen-rbee at <queen-url> (QUEEN_UNREACHABLE)"
    And nothing listens on the queen port

  Scenario: status of a queen keeper started
    When I run "rbee-keeper daemon start"
    Then the exit code is 0
    When I run "rbee-keeper status"
    Then the exit code is 0
    And stdout has a line matching "queen-rbee 0\.1\.0 at <queen-url> \(started by rbee-keeper\)"
    When I run "rbee-keeper status --json"
    Then stdout is a JSON document where "/queen/owner" is '"rbee-keeper"'
    When I run "rbee-keeper daemon stop"
    Then the exit code is 0
    And within 10 s nothing of this scenario is running

  Scenario: Shell completion scripts come from the command tree
    When I run "rbee-keeper completion bash"
    Then the exit code is 0
    And stdout has a line matching "complete -F _complete_rbee-keeper .*rbee-keeper.*"
    And stdout has a line matching ".*status.*worker.*|.*worker.*status.*"
    When I run "rbee-keeper completion zsh"
    Then the exit code is 0
    And stdout has a line matching ".*bashcompinit.*"
    When I run "rbee-keeper completion fish"
    Then the exit code is 1
    And stderr contains a line starting with "[rbee-keeper] ❌ Error: Invalid value for positional parameter at index 0 (<shell>)"
