Feature: GGUF files: recognised by their content, described by their own metadata

  # scenarios.md §7. Fixtures come from worker-native's GGUF writer; every run is real llama.cpp inference.

  # S054: the tokenizer is the one in the GGUF metadata; the scripted model's text can only come out through it.
  Scenario: S054 GGUF is recognised by its content, with the tokenizer inside
    Given a scripted model at "<rbee-home>/bare/model.gguf" that writes "world" and stops
    Then the directory of "<rbee-home>/bare/model.gguf" holds no tokenizer.json, only the model
    When I run "rbee-keeper infer --model file:<rbee-home>/bare/model.gguf --prompt hi --max-tokens 20 --backend cpu"
    Then the exit code is 0
    And stdout is "world"

  # S054: the first 4 bytes decide, not the name; the rest of the file is a loadable model.
  Scenario: S054 A .gguf whose first 4 bytes are not GGUF is refused and no worker is left
    Given a copy of the demo model at "<rbee-home>/fixtures/model.gguf" whose first 4 bytes are "GGUX"
    When I run "rbee-keeper infer --model file:<rbee-home>/fixtures/model.gguf --prompt hi --backend cpu"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Model file:<rbee-home>/fixtures/model.gguf is not a GGUF file (bad magic) (MODEL_INCOMPATIBLE)"
    And the log "rbee-hive.log" does not contain "up on port"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  # S054, the hive's API: 400 MODEL_INCOMPATIBLE before any worker starts
  Scenario: S054 The spawn API refuses a file that is not GGUF
    Given a copy of the demo model at "<rbee-home>/fixtures/model.gguf" whose first 4 bytes are "GGUX"
    And rbee-hive runs on its own
    When I POST "/v1/workers/spawn" with the body "{\"model_ref\":\"file:<rbee-home>/fixtures/model.gguf\",\"backend\":\"cpu\"}" on the hive
    Then the hive answers 400 MODEL_INCOMPATIBLE with message "Model file:<rbee-home>/fixtures/model.gguf is not a GGUF file (bad magic)"
    And within 1 s no llm-worker-rbee process of this scenario is left

  # S055: greedy decoding picks token 7 first; only an EOS id read from the metadata ends the run with no token.
  Scenario: S055 Metadata decides the vocabulary, EOS and layer count
    Given a model at "<rbee-home>/fixtures/eos7.gguf" with 32 layers, a vocabulary of 32000 and EOS id 7 in Q4_K_M that always predicts its EOS
    When I run "rbee-keeper --json infer --model file:<rbee-home>/fixtures/eos7.gguf --prompt 'write a short story' --temperature 0 --max-tokens 20 --backend cpu"
    Then the exit code is 0
    And the loading events on stdout report layers_total 32, up to layers_loaded 32
    And a worker log in RBEE_HOME contains "llama, 32 layers, vocab 32000, EOS 7, Q4_K_M"
    And stdout has no token event
    And the end event on stdout has tokens_out 0 and stop_reason "EOS"

  # S056: 4 layers of width 256 (K-quant rows are 256-value super-blocks); Q4_K_M and Q5_K_M keep output.weight in Q6_K
  Scenario: S056 Supported quantizations
    Given random test models of one shape at "<rbee-home>/fixtures/model.<quant>.gguf" in "Q4_0, Q4_K_M, Q5_K_M, Q8_0"
    And queen-rbee was started by the operator
    When I run "rbee-keeper --json infer --model file:<rbee-home>/fixtures/model.<quant>.gguf --prompt hi --max-tokens 5 --backend cpu" for each of them
    Then each run exits 0 with 5 token events and an end event with tokens_out 5
    And each run's final loading event has bytes_loaded within 1 % of its file's tensor bytes
    And the final bytes_loaded grows in the order "Q4_0, Q4_K_M, Q5_K_M, Q8_0"
    When queen-rbee receives SIGTERM
    Then within 20 s nothing of this scenario is running

  # S057: 52428800 bytes exactly, padded inside the GGUF metadata; ceil(52428800 × 1.2) = 62914560
  Scenario: S057 The model size comes from the disk
    Given a loadable test model of exactly 52428800 bytes at "<rbee-home>/fixtures/model-50mib.gguf"
    And the hub has "org/repo" with "model.Q8_0.gguf", the bytes of "<rbee-home>/fixtures/model-50mib.gguf"
    And test mode is on
    And config.toml sets preflight.ram_available_override to "60MB"
    And the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/40MiB"
    And rbee-hive runs on its own
    When the hive is asked to download "file:<rbee-home>/fixtures/model-50mib.gguf"
    And the hive is asked to download "hf:org/repo:Q8_0"
    And I follow the download's progress
    Then models.db has 2 rows
    And every row of models.db has size_bytes 52428800, the size of its file on disk
    When I POST "/v1/workers/spawn" with the body "{\"model_ref\":\"file:<rbee-home>/fixtures/model-50mib.gguf\",\"backend\":\"cpu\"}" on the hive
    Then the hive answers 507 INSUFFICIENT_RAM with message "Not enough RAM on localhost: need 62.9 MB, have 60.0 MB"
    And the answer's details have required_bytes "62914560"
    When I POST "/v1/workers/spawn" with the body "{\"model_ref\":\"hf:org/repo:Q8_0\",\"backend\":\"cpu\"}" on the hive
    Then the hive answers 507 INSUFFICIENT_RAM with message "Not enough RAM on localhost: need 62.9 MB, have 60.0 MB"
    And the answer's details have required_bytes "62914560"
    When config.toml sets preflight.ram_available_override to "80MB"
    And I POST "/v1/workers/spawn" with the body "{\"model_ref\":\"hf:org/repo:Q8_0\",\"backend\":\"cuda\",\"device\":1}" on the hive
    Then the hive answers 507 INSUFFICIENT_VRAM with message "Not enough VRAM on cuda:1 of localhost: need 62.9 MB, have 41.9 MB"
    And the answer's details have required_bytes "62914560"
    When I POST "/v1/workers/spawn" with the body "{\"model_ref\":\"hf:org/repo:Q8_0\",\"backend\":\"cpu\"}" on the hive
    Then the hive's model API answers 202
    And within 60 s the hive lists 1 worker in state "idle"
