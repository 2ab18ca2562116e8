Feature: Backends and devices: a GPU request is met on that GPU or refused, never moved to the CPU

  # scenarios.md S066, on the built-in node
  Scenario: S066 No CUDA driver
    Given the devices are simulated as "none"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --backend cuda"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Backend 'cuda' is not available on localhost. Available: cpu (CUDA driver not found) (BACKEND_UNAVAILABLE)"
    And stderr contains the line "💡 Try: --backend cpu"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  # scenarios.md S065
  Scenario: S065 Metal is not available on Linux
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --backend metal"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Backend 'metal' is not available on localhost. Available: cpu, cuda (Metal is only available on macOS) (BACKEND_UNAVAILABLE)"
    And stderr contains the line "💡 Try: --backend cuda"
    And stderr contains the line "💡 Try: --backend cpu"

  # scenarios.md S100
  Scenario: S100 A device number out of range
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --backend cuda --device 5"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Device 5 not available for cuda on localhost. Available: [0, 1] (GPU_NOT_AVAILABLE)"
    And stderr contains the line "💡 Try: --device 0 or --device 1"

  # scenarios.md test kit: a simulated GPU is reported as asked but computes on the CPU, and says so
  Scenario: A simulated GPU runs the job and its log says it is simulated
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 5 --backend cuda --device 1"
    Then the exit code is 0
    And a worker log in RBEE_HOME contains "backend=cuda:1"
    And a worker log in RBEE_HOME contains "RBEE_FAKE_DEVICES is set: device inventory is simulated"
    And the log "rbee-hive.log" contains "RBEE_FAKE_DEVICES is set: device inventory is simulated"
