Feature: A worker that does not finish loading in time is stopped, and the caller hears how far it got

  # scenarios.md S077, with worker.loading_timeout shortened to 5 s (scenarios.md "Time"): the error must not come
  # before the 5 s have passed since the spawn.
  Scenario: S077 Loading times out, as keeper sees it
    Given a random test model with 32 layers
    And the worker's loading stalls at layer 28
    And the worker loading timeout is 5 s
    When I start "rbee-keeper infer --model 'file:<rbee-home>/models/test 32-layers.gguf' --prompt hi --max-tokens 5"
    Then within 40 s the command ends with exit code 1
    And stderr has a line matching "\[.*\] ❌ Error: Model loading timed out after 5 s \(stuck at 28/32 layers\) \(LOADING_TIMEOUT\)"
    And stderr has a line matching "💡 See the worker log: rbee-keeper logs --node localhost --worker worker-[0-9a-f]{4}"
    And the stderr line containing "(LOADING_TIMEOUT)" came at least 5000 ms after the one containing "Spawning a worker"
    And within 10 s nothing of this scenario is running

  # scenarios.md S078, with worker.loading_timeout shortened to 5 s. api.md §6.2 and §11 keep a failed worker listed
  # for 60 s in state error with its reason (LOADING_TIMEOUT here), so queen can tell the caller; docs/decisions.md.
  Scenario: S078 Loading times out, as the hive sees it
    Given a random test model with 32 layers
    And the worker's loading stalls at layer 28
    And the worker loading timeout is 5 s
    And an rbee-hive runs on its own
    When a worker for "file:<rbee-home>/models/test 32-layers.gguf" is spawned through the hive API
    Then 4 s after the spawn the hive still lists the worker as "loading"
    And within 4 s the hive lists the worker in state "error" with error "LOADING_TIMEOUT"
    And the worker's error message is "Model loading timed out after 5 s (stuck at 28/32 layers)"
    And within 6 s the worker's process is gone and its port is free
    And the log "rbee-hive.log" contains "Worker <worker-id> did not finish loading within 5 s (28/32 layers); stopped"
    When rbee-hive receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S061: a SIGKILL nobody sent while the model loads is reported as the OOM killer's doing.
  Scenario: S061 Memory runs out while the model loads
    Given a random test model with 32 layers
    And the worker runs out of memory at layer 12
    When I run "rbee-keeper infer --model 'file:<rbee-home>/models/test 32-layers.gguf' --prompt hi --max-tokens 5"
    Then the exit code is 1
    And stderr has a line matching "\[.*\] ❌ Error: Worker worker-[0-9a-f]{4} on localhost exited: killed by SIGKILL during loading \(likely out of memory\) \(WORKER_FAILED\)"
    And stderr contains the line "💡 Free RAM on localhost"
    And within 10 s nothing of this scenario is running
