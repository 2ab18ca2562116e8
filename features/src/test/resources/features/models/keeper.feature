Feature: Downloads seen from rbee-keeper

  # scenarios.md S040, S043 and S052 through `rbee-keeper infer`: queen asks the localhost hive for the model
  # (api.md §5.6 step 3) and relays the download into the task stream.

  Background:
    Given the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 12 MB

  Scenario: S040 A catalog hit skips the download
    When I run "rbee-keeper infer --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[rbee-hive] ✅ Model downloaded to <rbee-home>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    When the hub forgets the requests it received
    And I run "rbee-keeper infer --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt hello --max-tokens 3"
    Then the exit code is 0
    And the hub received no request
    And stderr does not contain "Downloading"
    And stderr does not contain "Model downloaded"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  Scenario: S043 An unknown repo fails and nothing is substituted
    When I run "rbee-keeper infer --model hf:NonExistent/FakeModel --prompt hello --max-tokens 3"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: Model 'hf:NonExistent/FakeModel' not found on Hugging Face (MODEL_NOT_FOUND)"
    And stderr contains the line "💡 Check the name at https://huggingface.co/NonExistent/FakeModel"
    And the hub received requests only for "NonExistent/FakeModel"
    And RBEE_HOME has no file "models/hf"

  Scenario: S052 A download failure seen from keeper
    Given the hub cuts "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 40 % on the first 1 request
    And the hub serves "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 4096 KiB/s
    When I run "rbee-keeper infer --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[rbee-hive] Retrying download (attempt 2/6)... delay 100ms"
    And after the stderr line "[rbee-hive] Retrying download (attempt 2/6)... delay 100ms", no "Downloading hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" line shows less than 40%
    And stderr has a line matching "Downloading hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF \[█+\] 100%.*"
    And file request 2 to the hub resumed at 40 % of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"

  # api.md §5.6 step 8: a job canceled before `started` ends with `error CANCELLED`; the download goes on on the hive.
  Scenario: S097 Cancelled while the model is downloading
    Given the hub serves "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 1024 KiB/s
    And queen-rbee was started by the operator
    When a task "{\"model\":\"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF\",\"prompt\":\"hello\",\"max_tokens\":3}" starts through POST /v2/tasks in the background
    And the task's stream has shown a "downloading" event
    And another client cancels the running job
    Then within 5 s the task stream ends with error "CANCELLED"
    And queen has no job in flight
    And within 30 s models.db has 1 row
    And RBEE_HOME has "models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" with the hub's bytes of "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
