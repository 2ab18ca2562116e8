Feature: The hive's preflight refuses a spawn it cannot meet, before any worker starts, and never moves a GPU job to the CPU

  # scenarios.md S059; RAM is overridden in test mode (the override is re-read at every check)
  Scenario: S059 The RAM check passes
    Given test mode is on
    And config.toml sets preflight.ram_available_override to "80MB"
    And a 50 MB test model at "<rbee-home>/fixtures/model-50mb.gguf"
    When I run "rbee-keeper infer --model file:<rbee-home>/fixtures/model-50mb.gguf --prompt hi --max-tokens 3 --backend cpu"
    Then the exit code is 0
    And stderr contains the line "[rbee-hive] ✅ RAM check: need 60.0 MB, have 80.0 MB"

  # scenarios.md S060
  Scenario: S060 The RAM check fails
    Given test mode is on
    And config.toml sets preflight.ram_available_override to "40MB"
    And a 50 MB test model at "<rbee-home>/fixtures/model-50mb.gguf"
    When I run "rbee-keeper infer --model file:<rbee-home>/fixtures/model-50mb.gguf --prompt hi --max-tokens 3 --backend cpu"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Not enough RAM on localhost: need 60.0 MB, have 40.0 MB (INSUFFICIENT_RAM)"
    And stderr contains the line "💡 Use a smaller quantization, e.g. hf:<org>/<repo>:Q4_K_M"
    And stderr contains the line "💡 Use a GPU: --backend cuda"
    And stderr contains the line "💡 Free RAM on localhost"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
    And the log "rbee-hive.log" does not contain "up on port"

  # scenarios.md S060, the API side: 507 with the numbers in the details
  Scenario: S060 The spawn API answers 507 INSUFFICIENT_RAM with the numbers
    Given test mode is on
    And config.toml sets preflight.ram_available_override to "40MB"
    And a 50 MB test model at "<rbee-home>/fixtures/model-50mb.gguf"
    And an rbee-hive runs on its own
    When I POST "{\"model_ref\":\"file:<rbee-home>/fixtures/model-50mb.gguf\",\"backend\":\"cpu\"}" to the hive's "/v1/workers/spawn"
    Then the hive answers 507 INSUFFICIENT_RAM with the message "Not enough RAM on localhost: need 60.0 MB, have 40.0 MB"
    And the hive's answer has "/error/details/required_bytes" = "60000000"
    And the hive's answer has "/error/details/available_bytes" = "40000000"
    And the hive's answer has "/error/details/model_bytes" = "50000000"
    When config.toml sets preflight.ram_available_override to "80MB"
    And I POST "{\"model_ref\":\"file:<rbee-home>/fixtures/model-50mb.gguf\",\"backend\":\"cpu\"}" to the hive's "/v1/workers/spawn"
    Then the hive answers 202

  # scenarios.md S058
  Scenario: S058 An unsupported architecture is refused before loading
    Given a GGUF model with architecture "mamba" at "<rbee-home>/mamba.gguf"
    When I run "rbee-keeper infer --model file:<rbee-home>/mamba.gguf --prompt hi --backend cpu"
    Then the exit code is 1
    And stderr contains a line starting with "[rbee-hive] ❌ Error: Model file:<rbee-home>/mamba.gguf cannot run on cpu: architecture 'mamba' is not supported (supported: "
    And the log "rbee-hive.log" does not contain "up on port"

  # scenarios.md S062
  Scenario: S062 The backend check passes
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"
    And a 12 MiB test model at "<rbee-home>/fixtures/model-12mib.gguf"
    When I run "rbee-keeper infer --model file:<rbee-home>/fixtures/model-12mib.gguf --prompt hi --max-tokens 3 --backend cuda --device 1"
    Then the exit code is 0
    And stderr contains the line "[rbee-hive] ✅ Backend cuda: device 1 available, 2.0 GiB free"
    And a worker log in RBEE_HOME contains "backend=cuda:1"

  # scenarios.md S063
  Scenario: S063 VRAM runs short on a CUDA device, with no CPU fallback
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/40MiB"
    And a 50 MB test model at "<rbee-home>/fixtures/model-50mb.gguf"
    When I run "rbee-keeper infer --model file:<rbee-home>/fixtures/model-50mb.gguf --prompt hi --backend cuda --device 1"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Not enough VRAM on cuda:1 of localhost: need 60.0 MB, have 41.9 MB (INSUFFICIENT_VRAM)"
    And stderr contains the line "💡 Use a smaller quantization, e.g. hf:<org>/<repo>:Q4_K_M"
    And stderr contains the line "💡 Use another device: --device 0"
    And stderr contains the line "💡 Run on the CPU explicitly: --backend cpu"
    And the log "rbee-hive.log" does not contain "up on port"

  # scenarios.md S064: the suggestion comes from the repo's real listing on the hub, never a made-up file
  Scenario: S064 Not enough VRAM suggests a smaller quantization from the same repo
    Given the hub has "org/repo" with "model.Q8_0.gguf", a test model of exactly 60 MB
    And the hub has "org/repo" with "model.Q4_K_M.gguf", a test model of exactly 40 MB
    And the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/55MB"
    When I run "rbee-keeper infer --model hf:org/repo:Q8_0 --prompt hi --max-tokens 3 --backend cuda --device 1"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Not enough VRAM on cuda:1 of localhost: need 72.0 MB, have 55.0 MB (INSUFFICIENT_VRAM)"
    And stderr contains the line "💡 Use a smaller quantization, e.g. hf:org/repo:Q4_K_M"
    And stderr contains the line "💡 Use another device: --device 0"
    And the hub received 1 file request
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  # scenarios.md S151
  Scenario: S151 --backend cuda without a device picks the device with the most free VRAM
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3 --backend cuda"
    Then the exit code is 0
    And stderr contains the line "[rbee-hive] Selected CUDA device 0 (20.0 GiB free)"
    And a worker log in RBEE_HOME contains "backend=cuda:0"

  # scenarios.md S151: with no --backend at all a node with a GPU uses it
  Scenario: S151 Without --backend a node that has a GPU uses it
    Given the devices are simulated as "cuda:0=8GiB/2GiB,cuda:1=24GiB/20GiB"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[rbee-hive] Selected CUDA device 1 (20.0 GiB free)"
    And a worker log in RBEE_HOME contains "backend=cuda:1"

  # scenarios.md S151/api.md §6.2: no device fits and none was named: no CPU fallback either
  Scenario: No CUDA device has room: GPU_VRAM_EXHAUSTED, not a CPU worker
    Given the devices are simulated as "cuda:0=8GiB/20MiB,cuda:1=8GiB/30MiB"
    And a 50 MB test model at "<rbee-home>/fixtures/model-50mb.gguf"
    When I run "rbee-keeper infer --model file:<rbee-home>/fixtures/model-50mb.gguf --prompt hi --backend cuda"
    Then the exit code is 1
    And stderr contains a line starting with "[rbee-hive] ❌ Error: No cuda device on localhost has 60.0 MB of free VRAM"
    And stderr contains the line "💡 rbee never falls back to the CPU on its own; to run on the CPU pass --backend cpu"
    And the log "rbee-hive.log" does not contain "up on port"

  # scenarios.md S153
  Scenario: S153 The GPU is too hot
    Given the devices are simulated as "cuda:0=24GiB/20GiB;temp=85,cuda:1=8GiB/2GiB;temp=60"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3 --backend cuda --device 0"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: cuda:0 on localhost is at 85 °C (limit 80 °C) (GPU_TOO_HOT)"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3 --backend cuda --device 1"
    Then the exit code is 0

  # scenarios.md S155: a sparse 1.67 GB file needs a 2.0 GB block; RAM is overridden so only the block decides
  Scenario: S155 Fragmented VRAM
    Given test mode is on
    And config.toml sets preflight.ram_available_override to "8GiB"
    And the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/4GiB;block=1GiB"
    And a test model of 1666666667 bytes at "<rbee-home>/fixtures/model-2gb.gguf"
    When I run "rbee-keeper infer --model file:<rbee-home>/fixtures/model-2gb.gguf --prompt hi --backend cuda --device 1"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: cuda:1 has 4.0 GiB free but no block of 2.0 GB (VRAM_FRAGMENTED)"
    And the log "rbee-hive.log" does not contain "up on port"

  # scenarios.md S152: RAM drops from 80 MB to 40 MB during the (test-mode) pause between preflight and launch
  Scenario: S152 RAM is checked again just before the spawn
    Given config.toml sets preflight.ram_available_override to "80MB"
    And the hive waits 2000 ms between preflight and spawn
    And a 50 MB test model at "<rbee-home>/fixtures/model-50mb.gguf"
    When I start "rbee-keeper infer --model file:<rbee-home>/fixtures/model-50mb.gguf --prompt hi --max-tokens 3 --backend cpu"
    And within 60 s the log "rbee-hive.log" contains "✅ RAM check: need 60.0 MB, have 80.0 MB"
    And config.toml sets preflight.ram_available_override to "40MB"
    Then within 30 s the command ends with exit code 1
    And stderr contains the line "[rbee-hive] ❌ Error: Not enough RAM on localhost: need 60.0 MB, have 40.0 MB (RAM decreased during preflight check) (INSUFFICIENT_RAM)"
    And the log "rbee-hive.log" does not contain "up on port"
