Feature: The model catalog of a hive

  # scenarios.md §6 and §22: models.db rows, listing, file: and demo: refs, deleting, a corrupt or old catalog.
  # The hive runs on its own and is called with its own API (api.md §6.1) unless a scenario uses rbee-keeper.

  Background:
    Given the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 12 MB

  Scenario: S048 The catalog row after a download
    Given rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then models.db has 1 row
    And models.db has the row "tinyllama-1.1b-chat-v1.0.Q4_K_M" for hf "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" and the file "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of the hub
    When rbee-hive is restarted
    And I GET "/v1/models" on the hive
    Then the hive's model API answers 200
    And the models listed by the hive are "tinyllama-1.1b-chat-v1.0.Q4_K_M"

  Scenario: S049 Listing models and filtering by provider
    Given the hub has "org/repo" with "m.Q4_0.gguf" of 7000 bytes
    And the hub has "org/repo" with "m.Q8_0.gguf" of 12000 bytes
    And a copy of the demo model at "<rbee-home>/mine.gguf"
    And rbee-hive runs on its own
    When the hive is asked to download "hf:org/repo:Q4_0"
    And I follow the download's progress
    And the hive is asked to download "hf:org/repo:Q8_0"
    And I follow the download's progress
    And the hive is asked to download "file:<rbee-home>/mine.gguf"
    And the hive is asked to download "demo:tiny"
    And I follow the download's progress
    And I GET "/v1/models" on the hive
    Then the models listed by the hive are "demo-tiny, mine, m.Q8_0, m.Q4_0"
    When I GET "/v1/models?provider=hf" on the hive
    Then the models listed by the hive are "m.Q8_0, m.Q4_0"
    When I GET "/v1/models?provider=quantum" on the hive
    Then the hive answers 400 INVALID_REQUEST with message "1 invalid field(s)"

  Scenario: S050 file: and demo: references
    Given a copy of the demo model at "<rbee-home>/my model.gguf"
    And rbee-hive runs on its own
    When the hive is asked to download "file:<rbee-home>/my model.gguf"
    Then the hive's model API answers 200
    And the answer has a download_id and local_path "<rbee-home>/my model.gguf"
    And RBEE_HOME has no file "models/my model.gguf"
    When the hive is asked to download "file:/abs/path/model.gguf"
    Then the hive answers 404 MODEL_NOT_FOUND with message "File not found: /abs/path/model.gguf"
    And the answer's details have reason "file_missing"
    When the hive is asked to download "file:relative/model.gguf"
    Then the hive answers 400 INVALID_MODEL_REF with message "Invalid model reference 'file:relative/model.gguf'"
    When the hive is asked to download "demo:tiny"
    Then the hive's model API answers 202
    When I follow the download's progress
    Then the progress ends with complete, local_path "<rbee-home>/models/demo/demo-tiny.gguf" and model_id "demo-tiny"
    And RBEE_HOME has "models/demo/demo-tiny.gguf" with the same bytes as "my model.gguf"
    And the hub received no request
    And models.db has 2 rows

  Scenario: S051 Download API and progress replay
    Given rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the hive's model API answers 202
    And the answer has a download_id and local_path null
    When I follow the download's progress
    And I follow the download's progress
    Then the progress is just complete with local_path "<rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" and model_id "tinyllama-1.1b-chat-v1.0.Q4_K_M"
    When the hub forgets the requests it received
    And the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the hive's model API answers 200
    And the answer has a download_id and local_path "<rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And the hub received no request
    When I follow the download's progress
    Then the progress is just complete with local_path "<rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" and model_id "tinyllama-1.1b-chat-v1.0.Q4_K_M"
    When I GET "/v1/models/download/progress?id=dl-000000" on the hive
    Then the hive answers 404 DOWNLOAD_NOT_FOUND with message "Download 'dl-000000' not found"
    When I POST "/v1/models/download" on the hive
    Then the hive answers 400 INVALID_REQUEST with message "1 invalid field(s)"
    When the hive is asked to download "invalid-format"
    Then the hive answers 400 INVALID_MODEL_REF with message "Invalid model reference 'invalid-format'"

  Scenario: S053 Deleting a model
    Given rbee-hive runs on its own
    When I POST "/v1/workers/spawn" with the body '{"model_ref":"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"}' on the hive
    Then the hive answers 404 MODEL_NOT_FOUND with message "Model 'hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF' is not in the catalog; download it first"
    And the answer's details have reason "not_in_catalog"
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    And I POST "/v1/workers/spawn" with the body '{"model_ref":"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"}' on the hive
    Then the hive's model API answers 202
    When I DELETE "/v1/models/tinyllama-1.1b-chat-v1.0.Q4_K_M" on the hive
    Then the hive answers 409 MODEL_IN_USE with a message matching "Model is loaded by worker worker-[0-9a-f]{4}"
    And RBEE_HOME has "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" with the hub's bytes of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    When the hive's workers are stopped
    And I DELETE "/v1/models/tinyllama-1.1b-chat-v1.0.Q4_K_M" on the hive
    Then the hive's model API answers 200
    And the answer is '{"deleted":"tinyllama-1.1b-chat-v1.0.Q4_K_M","freed_bytes":<size of tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf>}'
    And RBEE_HOME has no file "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And models.db has 0 rows
    When I DELETE "/v1/models/tinyllama-1.1b-chat-v1.0.Q4_K_M" on the hive
    Then the hive answers 404 MODEL_NOT_FOUND with message "Model 'tinyllama-1.1b-chat-v1.0.Q4_K_M' is not in the catalog on localhost"

  Scenario: S053 A file: model is only unregistered
    Given a copy of the demo model at "<rbee-home>/mine.gguf"
    And rbee-hive runs on its own
    When the hive is asked to download "file:<rbee-home>/mine.gguf"
    And I DELETE "/v1/models/mine" on the hive
    Then the hive's model API answers 200
    And the answer is '{"deleted":"mine","freed_bytes":0}'
    And RBEE_HOME has "mine.gguf" with the same bytes as "mine.gguf"
    And models.db has 0 rows

  Scenario: S145 A corrupt catalog is set aside
    Given models.db holds 4 KiB of random bytes
    When rbee-hive starts
    Then RBEE_HOME has one file matching "models\.db\.corrupt-[0-9]{8}-[0-9]{6}"
    And the hive's log has a line matching "⚠️ Model catalog was corrupt; moved to .*/models\.db\.corrupt-[0-9-]+; models will be downloaded again when needed"
    When I GET "/v1/models" on the hive
    Then the hive's model API answers 200
    And the models listed by the hive are ""
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then models.db has 1 row

  Scenario: S150 The catalog is backed up before a migration
    Given models.db has schema version 1 with 3 rows
    When rbee-hive starts
    Then RBEE_HOME has one file matching "backups/models-[0-9]{8}-[0-9]{6}\.db"
    And the file matching "backups/models-.*\.db" in RBEE_HOME is a catalog with 3 rows at schema version 1
    And models.db is at schema version 2
    And models.db has 3 rows
    And the hive's log has a line matching "backed up to .*/backups/models-[0-9-]+\.db before migrating to schema 2; to restore: stop rbee-hive, then cp"
