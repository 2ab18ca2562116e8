Feature: Starting a worker: a broken installation, a busy port, a device that fails

  # scenarios.md S071 (api.md §9 names the code WORKER_BINARY_NOT_FOUND; docs/decisions.md)
  Scenario: S071 The worker launcher is missing
    Given an rbee-hive runs on its own from an installation whose llm-worker-rbee is missing
    When I POST "{\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\"}" to the hive's "/v1/workers/spawn"
    Then the hive answers 500 WORKER_BINARY_NOT_FOUND with the message "Worker launcher not found: <rbee-home>/install/bin/llm-worker-rbee"

  Scenario: S071 The worker launcher is not executable
    Given an rbee-hive runs on its own from an installation whose llm-worker-rbee is not-executable
    When I POST "{\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\"}" to the hive's "/v1/workers/spawn"
    Then the hive answers 500 WORKER_BINARY_NOT_FOUND with the message "Worker launcher <rbee-home>/install/bin/llm-worker-rbee is not executable"

  # scenarios.md S072
  Scenario: S072 A busy port moves the worker to the next one
    Given a foreign program listens on the first worker port
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[rbee-hive] Port <first-worker-port> in use, trying <next-worker-port>"
    And the log "rbee-hive.log" contains "up on port <next-worker-port>"

  # scenarios.md S073
  Scenario: S073 The worker crashes during startup
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB;fail=CUDA device 1 not found"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --backend cuda --device 1"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: CUDA device 1 not found (CUDA_DEVICE_FAILED)"
    And stderr contains the line "💡 rbee never falls back to the CPU on its own; to run on the CPU pass --backend cpu"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
