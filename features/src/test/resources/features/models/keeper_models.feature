Feature: rbee-keeper models

  # cli.md §11: `models download`, `models list` and `models rm` through queen (api.md §5.1), which starts the
  # localhost hive. Scenarios S041, S044, S049 and S053 as keeper shows them.

  Background:
    Given the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 12 MB

  Scenario: S041 models download shows a bar on stderr and the result on stdout
    Given the hub serves "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 4096 KiB/s
    When I run "rbee-keeper models download --node localhost hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the exit code is 0
    And stdout has a line matching "✅ hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF downloaded to <rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf \(1[0-9]\.[0-9] MB\)"
    And stderr has a line matching "Downloading hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF \[░+\]   0%  .*"
    And stderr has a line matching "Downloading hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF \[█+\] 100%  1[0-9]\.[0-9] MB / 1[0-9]\.[0-9] MB  .*"
    And models.db has 1 row
    When I run "rbee-keeper models download --node localhost hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the exit code is 0
    And stdout is "✅ hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF is already on localhost: <rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  Scenario: S044 models download of a private repo without a token
    Given the hub answers 403 for "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" unless it receives the token "hf_test123"
    When I run "rbee-keeper models download hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Access denied to model 'hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF' (private or gated) (MODEL_ACCESS_DENIED)"
    And stderr contains the line "💡 Accept the model's terms on huggingface.co, then set a token on the node: export HF_TOKEN=<your token>"
    And models.db has 0 rows

  Scenario: S049 models list prints the catalog as a table
    When I run "rbee-keeper models list --node localhost"
    Then the exit code is 0
    And stdout is "No models on localhost"
    When I run "rbee-keeper models download demo:tiny"
    And I run "rbee-keeper models download hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I run "rbee-keeper models list --node localhost"
    Then the exit code is 0
    And stdout has a line matching "ID +MODEL +SIZE +DOWNLOADED +PATH"
    And stdout has a line matching "tinyllama-1.1b-chat-v1.0.Q4_K_M +hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF +1[0-9]\.[0-9] MB +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} +<rbee-home>/models/hf/.*\.gguf"
    And stdout has a line matching "demo-tiny +demo:tiny +[0-9.]+ (KB|MB) +.* +<rbee-home>/models/demo/demo-tiny.gguf"

  Scenario: S053 models rm deletes the file and the row
    When I run "rbee-keeper models download hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I run "rbee-keeper models rm --node localhost tinyllama-1.1b-chat-v1.0.Q4_K_M"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Refusing to delete without confirmation; add --yes (USAGE_ERROR)"
    When I run "rbee-keeper models rm --node localhost tinyllama-1.1b-chat-v1.0.Q4_K_M --yes"
    Then the exit code is 0
    And stdout has a line matching "✅ Deleted tinyllama-1.1b-chat-v1.0.Q4_K_M from localhost \(1[0-9]\.[0-9] MB freed\)"
    And RBEE_HOME has no file "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And models.db has 0 rows
    When I run "rbee-keeper models rm --node localhost tinyllama-1.1b-chat-v1.0.Q4_K_M --yes"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Model 'tinyllama-1.1b-chat-v1.0.Q4_K_M' is not in the catalog on localhost (MODEL_NOT_FOUND)"

  # cli.md §11: on a terminal without --yes, models rm asks with the entry's id and size; only "y" deletes.
  Scenario: S053 models rm asks on a terminal before it deletes
    When I run "rbee-keeper models download hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I run "rbee-keeper models rm tinyllama-1.1b-chat-v1.0.Q4_K_M" on a terminal, answering "n"
    Then the terminal command exited with 0
    And the terminal has a line matching "Delete tinyllama-1\.1b-chat-v1\.0\.Q4_K_M \(1[0-9]\.[0-9] MB\) from localhost\? \[y/N\] .*"
    And the terminal has a line matching ".*Nothing deleted"
    And models.db has 1 row
    When I run "rbee-keeper models rm hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" on a terminal, answering "y"
    Then the terminal command exited with 0
    And the terminal has a line matching ".*✅ Deleted tinyllama-1\.1b-chat-v1\.0\.Q4_K_M from localhost \(1[0-9]\.[0-9] MB freed\)"
    And models.db has 0 rows
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
