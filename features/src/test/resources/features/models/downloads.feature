Feature: Model downloads from the hub

  # scenarios.md §6, driven through rbee-hive's own API (api.md §6.1) against the hub server of the test kit. The hive
  # runs on its own (no queen) with a secret the test chose. Model files are random-weight llama GGUF fixtures.

  Background:
    Given the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 12 MB

  Scenario: S041 A catalog miss downloads with progress
    Given the hub serves "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 2048 KiB/s
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the hive's model API answers 202
    And the answer has a download_id and local_path null
    When I follow the download's progress
    Then the progress has at least 3 downloading events with bytes_total of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf", never decreasing, then complete and [DONE]
    And the progress ends with complete, local_path "<rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" and model_id "tinyllama-1.1b-chat-v1.0.Q4_K_M"
    And RBEE_HOME has "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" with the hub's bytes of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And RBEE_HOME has no file "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf.partial"
    And the hub received 1 file request

  Scenario: S042 A model ref picks a file
    Given the hub has "org/repo" with "m.Q8_0.gguf" of 12000 bytes
    And the hub has "org/repo" with "m.Q4_0.gguf" of 7000 bytes
    And the hub has "org/repo" with "m.Q4_K_M.gguf" of 8000 bytes
    And the hub has "org/repo" with "m.Q2_K.gguf" of 5000 bytes
    And the hub has "org/other" with "README.md" of 100 bytes
    And rbee-hive runs on its own
    When the hive is asked to download "hf:org/repo"
    And I follow the download's progress
    Then the progress ends with complete, local_path "<rbee-home>/models/hf/org/repo/m.Q4_K_M.gguf" and model_id "m.Q4_K_M"
    When the hive is asked to download "hf:org/repo:q8_0"
    And I follow the download's progress
    Then the progress ends with complete, local_path "<rbee-home>/models/hf/org/repo/m.Q8_0.gguf" and model_id "m.Q8_0"
    When the hive is asked to download "hf:org/repo:m.Q2_K.gguf"
    And I follow the download's progress
    Then the progress ends with complete, local_path "<rbee-home>/models/hf/org/repo/m.Q2_K.gguf" and model_id "m.Q2_K"
    When the hive is asked to download "hf:org/repo:Q6_K"
    Then the hive answers 404 MODEL_NOT_FOUND with message "No file matching 'Q6_K' in hf:org/repo:Q6_K. Available: m.Q2_K.gguf, m.Q4_0.gguf, m.Q4_K_M.gguf, m.Q8_0.gguf"
    And the answer's details have reason "file_not_in_repo"
    And the answer's details list available_files "m.Q2_K.gguf, m.Q4_0.gguf, m.Q4_K_M.gguf, m.Q8_0.gguf"
    When the hive is asked to download "hf:org/other"
    Then the hive answers 400 MODEL_INCOMPATIBLE with message "Repository org/other contains no GGUF file"
    And models.db has 3 rows

  Scenario: S043 An unknown repo fails and nothing is substituted
    Given rbee-hive runs on its own
    When the hive is asked to download "hf:NonExistent/FakeModel"
    Then the hive answers 404 MODEL_NOT_FOUND with message "Model 'hf:NonExistent/FakeModel' not found on Hugging Face"
    And the answer's details have reason "not_on_hub"
    And the hub received requests only for "NonExistent/FakeModel"
    And models.db has 0 rows
    And RBEE_HOME has no file "models/hf"

  Scenario: S044 A private repo fails, and a token opens it
    Given the hub answers 403 for "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" unless it receives the token "hf_test123"
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the hive answers 403 MODEL_ACCESS_DENIED with message "Access denied to model 'hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF' (private or gated)"
    And the answer's details have hint "HF_TOKEN"
    Given the hive's environment has HF_TOKEN="hf_test123"
    When rbee-hive is restarted
    And the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then the progress ends with complete, local_path "<rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" and model_id "tinyllama-1.1b-chat-v1.0.Q4_K_M"
    And the hive's log does not contain "hf_test123"

  Scenario: S045 A stalled download is retried and then times out
    Given the hub stalls "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at byte 1048576 on every request
    And the hive's download stall timeout is 1000 ms
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then the progress narrates "Download stalled, retrying (attempt 2/6)..."
    And the progress narrates "Download stalled, retrying (attempt 6/6)..."
    And the progress ends with error DOWNLOAD_TIMEOUT "Download stalled (no data for 1 s) after 6 attempts"
    And the download took at least 9100 ms
    And the hub received 6 file requests
    And file request 1 to the hub had no Range header
    And file request 2 to the hub had the header Range "bytes=1048576-"
    And file request 6 to the hub had the header Range "bytes=1048576-"
    And RBEE_HOME has "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf.partial" of 1048576 bytes
    And models.db has 0 rows

  Scenario: S046 A connection reset resumes with Range
    Given the hub cuts "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 40 % on the first 1 request
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then the progress narrates "Retrying download (attempt 2/6)... delay 100ms"
    And the hub received 2 file requests
    And file request 2 to the hub resumed at 40 % of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And RBEE_HOME has "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" with the hub's bytes of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"

  Scenario: S046 Every attempt cut ends in DOWNLOAD_FAILED
    Given the hub cuts "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 40 % on the first 6 requests
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then the progress ends with error DOWNLOAD_FAILED "Download failed after 6 attempts: Connection reset by peer"
    And models.db has 0 rows

  Scenario: S047 A checksum mismatch deletes the file and retries
    Given the hub serves corrupt bytes of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" on the first 1 request
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then the progress narrates "Checksum mismatch for tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf, retrying (attempt 2/6)"
    And file request 2 to the hub had no Range header
    And RBEE_HOME has "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" with the hub's bytes of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And models.db has 1 row

  Scenario: S047 Six corrupt attempts leave nothing behind
    Given the hub serves corrupt bytes of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" on the first 6 requests
    And rbee-hive runs on its own
    When the hive is asked to download "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And I follow the download's progress
    Then the progress ends with error DOWNLOAD_FAILED "Download failed after 6 attempts: checksum mismatch"
    And RBEE_HOME has no file "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf.partial"
    And RBEE_HOME has no file "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    And models.db has 0 rows

  Scenario: S146 A partial download resumes after a hive restart
    Given the hub has "org/ten" with "ten.Q4_0.gguf" of 10485760 bytes
    And RBEE_HOME has "models/hf/org/ten/ten.Q4_0.gguf.partial" holding the first 60 % of "ten.Q4_0.gguf"
    And the hub serves "ten.Q4_0.gguf" at 1024 KiB/s
    And rbee-hive runs on its own
    When the hive is asked to download "hf:org/ten"
    And I follow the download's progress
    Then the progress narrates "Resuming from 60%..."
    And the progress has no downloading event below 6291456 bytes
    And file request 1 to the hub had the header Range "bytes=6291456-"
    And RBEE_HOME has "models/hf/org/ten/ten.Q4_0.gguf" with the hub's bytes of "ten.Q4_0.gguf"

  # scenarios.md §23. The limit is the hive setting download.max_bytes_per_sec (flag --download-max-bytes-per-sec,
  # env RBEE_DOWNLOAD_MAX_BYTES_PER_SEC).
  Scenario: S156 Download bandwidth limit
    Given the hub has "org/thirty" with "thirty.Q4_0.gguf" of 30000000 bytes
    And the hive's downloads are limited to 10000000 bytes/s
    And rbee-hive runs on its own
    When the hive is asked to download "hf:org/thirty"
    And I follow the download's progress
    Then the download took at least 2900 ms
    And no downloading event has speed_mbps above 10.5
    And the progress ends with complete, local_path "<rbee-home>/models/hf/org/thirty/thirty.Q4_0.gguf" and model_id "thirty.Q4_0"
    Given the hub has "org/thirty" with "thirty.Q8_0.gguf" of 30000000 bytes
    And the hive's downloads are not limited
    When rbee-hive is restarted
    And the hive is asked to download "hf:org/thirty:Q8_0"
    And I follow the download's progress
    Then the download took less than 1000 ms
    And the progress ends with complete, local_path "<rbee-home>/models/hf/org/thirty/thirty.Q8_0.gguf" and model_id "thirty.Q8_0"

  Scenario: S157 Slow disk writes are warned about, not fatal
    Given the hub has "org/slow" with "slow.Q4_0.gguf" of 2000000 bytes
    And the hive's disk writes are delayed by 50 ms
    And rbee-hive runs on its own
    When the hive is asked to download "hf:org/slow"
    And I follow the download's progress
    Then the progress narrates exactly once a line matching "⚠️ Disk writes to <rbee-home>/models are slow \([0-9.]+ MB/s\); download continues"
    And the progress ends with complete, local_path "<rbee-home>/models/hf/org/slow/slow.Q4_0.gguf" and model_id "slow.Q4_0"
    And RBEE_HOME has "models/hf/org/slow/slow.Q4_0.gguf" with the hub's bytes of "slow.Q4_0.gguf"
