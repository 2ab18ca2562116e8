Feature: The hive checks the disk before a download and survives a disk that fills up during one

  # scenarios.md S067, with smaller numbers than the scenario's 669.8 MB file: the check and its message are the same.
  Scenario: S067 Not enough disk before a download
    Given test mode is on
    And config.toml sets preflight.disk_available_override to "12MB"
    And the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of 20000000 bytes
    When I run "rbee-keeper infer --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt hi --max-tokens 3"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Not enough disk space on localhost: need 20.0 MB, have 12.0 MB (INSUFFICIENT_DISK)"
    And stderr contains the line "💡 Free space, for example: rbee-keeper models rm --node localhost <model-id>"
    And stderr contains the line "💡 List models: rbee-keeper models list --node localhost"
    And the hub received requests only for "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And the hub received 0 file requests
    And RBEE_HOME has no file "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf.partial"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  # scenarios.md S067, the API side
  Scenario: S067 The download API answers 507 INSUFFICIENT_DISK with the numbers
    Given test mode is on
    And config.toml sets preflight.disk_available_override to "12MB"
    And the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of 20000000 bytes
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the hive answers 507 INSUFFICIENT_DISK with message "Not enough disk space on localhost: need 20.0 MB, have 12.0 MB"
    And the answer's details have required_bytes "20000000"
    And the answer's details have available_bytes "12000000"
    And the hub received 0 file requests

  # scenarios.md S068: a real 64 MiB tmpfs; api.md §6.1 names the failure DISK_FULL (docs/decisions.md)
  Scenario: S068 The disk fills up during a download
    Given test mode is on
    And the models directory is a 64 MiB tmpfs already holding 40 MiB
    And config.toml sets preflight.disk_available_override to "1GB"
    And the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of 41943040 bytes
    When I run "rbee-keeper infer --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt hi --max-tokens 3"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Disk full while downloading tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf: No space left on device (DISK_FULL)"
    And stderr contains the line "💡 Then re-run the same command"
    And the hub received 1 file request
    And RBEE_HOME has no file "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf.partial"
    And the models directory has 24 MiB free
    And models.db has 0 rows
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
