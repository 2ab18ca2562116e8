Feature: Queen asks the hive before it spawns, and reuses a matching idle worker

  # scenarios.md S022: the hive's log is the trace of queen's calls.
  Scenario: S022 An empty worker list leads to provisioning
    Given queen-rbee was started by the operator
    When I run "rbee-keeper hive start --node localhost"
    Then the exit code is 0
    When I GET "/v1/workers/list" from the hive
    Then the hive answers 200
    And the hive's answer has "/workers" = "[]"
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And the log "rbee-hive.log" has "Worker list asked for: 0 worker(s)" before "Spawning a worker for demo:tiny on cpu:0"
    And the log "rbee-hive.log" has "Spawning a worker for demo:tiny on cpu:0" before " up on port "
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S023
  Scenario: S023 A matching idle worker is reused
    Given queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    When I run "rbee-keeper infer --model demo:tiny --backend cpu --device 0 --prompt hello --max-tokens 3"
    Then the exit code is 0
    And the log "rbee-hive.log" contains "Spawning a worker for" 1 time
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    Given a random test model with 4 layers
    When I run "rbee-keeper infer --model 'file:<rbee-home>/models/test 4-layers.gguf' --prompt hello --max-tokens 3"
    Then the exit code is 0
    And the log "rbee-hive.log" contains "Spawning a worker for" 2 times
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
