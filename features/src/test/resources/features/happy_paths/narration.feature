Feature: Narration, logs and metrics of one job, seen from outside

  # scenarios.md S158 and S160. Narration comes in the task stream (api.md §4); "a line about the job" is one that
  # mentions a job, or the spawn of the worker or the dispatch made for it (docs/decisions.md). rbee_jobs_total{status}
  # is api.md §5.9's rbee_tasks_total{outcome} (docs/decisions.md, Metrics).

  Scenario: S158 The whole workflow, observable from outside
    Given queen-rbee was started by the operator
    When queen's /metrics is scraped as the baseline
    And a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a short story\",\"max_tokens\":20}" runs through POST /v2/tasks
    Then the task stream has an X-Job-Id header, then started, tokens 0 to 19, the worker's narration, metrics, end "MAX_TOKENS" and [DONE]
    And the task's narration includes, in this order
      | actor           | text                  |
      | queen-rbee      | Starting inference    |
      | queen-rbee      | Spawning a worker     |
      | queen-rbee      | Dispatching to worker |
      | llm-worker-rbee | Inference complete    |
    And every narration of the task carries its job id and at most 100 characters
    And every line about the job in queen-rbee.log, rbee-hive.log and its worker's log carries the job id
    And since the baseline the scrape's samples went up by
      | rbee_tasks_total{outcome="completed"}                            | 1  |
      | rbee_tokens_generated_total{node="localhost",model="demo:tiny"} | 20 |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S160 Narration during download and registration
    Given the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 12 MB
    And queen-rbee was started by the operator
    When a task "{\"model\":\"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF\",\"prompt\":\"hello\",\"max_tokens\":3}" runs through POST /v2/tasks
    Then the task's download narration names "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" and ends with where the model was downloaded
    And the task's narration includes, in this order
      | actor           | text                  |
      | queen-rbee      | Starting inference    |
      | rbee-hive       | Downloading hf:       |
      | rbee-hive       | ✅ Model downloaded to |
      | queen-rbee      | Dispatching to worker |
      | llm-worker-rbee | Inference complete    |
    And every narration of the task carries its job id and at most 100 characters
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
