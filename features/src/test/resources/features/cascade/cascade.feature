Feature: Cascading shutdown: nothing queen started outlives it

  # scenarios.md S120, for the local node (the hive over SSH arrives with the queen issue).
  Scenario: S120 SIGTERM to queen shuts everything down
    Given queen-rbee was started by the operator
    And a copy of the demo model at "<rbee-home>/my models/tiny 'copy'.gguf"
    And an idle worker for "demo:tiny" runs on localhost
    And an idle worker for "file:<rbee-home>/my models/tiny 'copy'.gguf" runs on localhost
    And a queen-rbee, an rbee-hive and 2 llm-worker-rbee processes of this scenario are running
    When queen-rbee receives SIGTERM
    Then within 5 s no llm-worker-rbee process of this scenario is left
    And within 10 s no rbee-hive process of this scenario is left
    And the operator's queen-rbee exited with code 0
    And the queen, hive and first worker ports are free
    And the log "rbee-hive.log" contains "Shutting down 2 worker(s)"

  # scenarios.md S122, with the busy job streaming to a keeper: the lease (15 s) ends the hive, not a signal.
  Scenario: S122 Killing queen with -9 ends the local hive through the lease
    Given the worker takes 200 ms per token
    And queen-rbee was started by the operator
    And a copy of the demo model at "<rbee-home>/second.gguf"
    And an idle worker for "file:<rbee-home>/second.gguf" runs on localhost
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 500"
    And stdout has received 3 characters
    And queen-rbee is killed with SIGKILL
    Then within 20 s nothing of this scenario is running
    And the log "rbee-hive.log" contains "Lost contact with queen-rbee for 15 s; stopping 2 worker(s) and exiting"

  # scenarios.md S124
  Scenario: S124 Killing a hive with -9 ends its workers through their stdin
    Given queen-rbee was started by the operator
    And a copy of the demo model at "<rbee-home>/second.gguf"
    And an idle worker for "demo:tiny" runs on localhost
    And an idle worker for "file:<rbee-home>/second.gguf" runs on localhost
    When rbee-hive is killed with SIGKILL
    Then within 2 s no llm-worker-rbee process of this scenario is left
    And within 15 s queen lists no worker on "localhost"
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] Starting rbee-hive on localhost"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S125
  Scenario: S125 Killing keeper with -9 ends its ephemeral queen
    Given the worker takes 200 ms per token
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 500"
    And stdout has received 3 characters
    And rbee-keeper is killed with SIGKILL
    Then within 10 s nothing of this scenario is running
    And the log "queen-rbee.log" contains "stdin closed: rbee-keeper is gone"

  # scenarios.md S126. The operator's queen is persistent, so its hive does not watch queen's stdin and outlives the
  # crash on its 15 s lease (S122); the restarted queen adopts it from its first heartbeat. The heartbeat line gives
  # the time without contact, which must be under the lease; 20 s after the kill the same hive process still runs.
  Scenario: S126 A restarted queen gets its hives back
    Given queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the id of queen's only worker as <worker-id>
    And I note the cluster secret and the pid of the rbee-hive
    When queen-rbee is killed with SIGKILL and started again 3 s later on the same port and RBEE_HOME
    Then within 10 s "rbee-keeper worker list" prints a line containing "<worker-id>"
    And within 5 s the log "rbee-hive.log" has a line matching "Heartbeat accepted by queen-rbee again after \d+ failed attempt\(s\), ([0-9]{1,4}|1[0-4][0-9]{3}) ms without contact"
    And the cluster secret is the one noted
    And within 5 s the log "queen-rbee.log" has a line matching "Adopted rbee-hive on localhost at <hive-url> \(pid \d+\)"
    When I run "rbee-keeper infer --model demo:tiny --prompt again --max-tokens 3"
    Then the exit code is 0
    And stderr does not contain "Spawning a worker"
    And the log "rbee-hive.log" contains "Spawning a worker for demo:tiny" 1 time
    And 20 s after the kill the noted rbee-hive is still running
    And the log "rbee-hive.log" does not contain "Lost contact with queen-rbee"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
    And the operator's queen-rbee exited with code 0
    And the log "rbee-hive.log" contains "Shutting down 1 worker(s)"
