Feature: Inference on one worker: streaming, slots, cancellation, validation, drain

  # scenarios.md S088
  Scenario: S088 A worker with every slot busy answers 503
    Given the worker takes 50 ms per token
    And a random test model with 2 layers
    And an idle worker for it with 1 slot
    When job "job-long" with 100 max tokens starts on the worker
    And another job "job-second" reaches the worker
    Then it is refused with 503 ALL_SLOTS_BUSY and message "Worker is busy, try again later"
    And the refusal's details have slots_total 1
    And the refusal's details have slots_busy 1
    And job "job-long" streams started, 100 tokens, metrics and end "MAX_TOKENS" within 30 s

  # scenarios.md S091
  Scenario: S091 Slot race
    Given the worker takes 100 ms per token
    And a random test model with 2 layers
    And an idle worker for it with 4 slots
    When job "job-1" with 60 max tokens starts on the worker
    And job "job-2" with 60 max tokens starts on the worker
    And job "job-3" with 60 max tokens starts on the worker
    Then the worker has 3 busy slots
    When jobs "job-4" and "job-5" with 30 max tokens start on the worker at the same moment
    Then it is refused with 503 ALL_SLOTS_BUSY
    And the refusal's details have slots_busy 4
    And the worker has 4 busy slots

  # scenarios.md S092
  Scenario: S092 A worker with 2 slots runs 2 jobs at once
    Given the worker takes 100 ms per token
    And a random test model with 2 layers
    And an idle worker for it with 2 slots
    When job "job-a" with 20 max tokens starts on the worker
    And job "job-b" with 20 max tokens starts on the worker
    Then job "job-a" streams started, 20 tokens, metrics and end "MAX_TOKENS" within 5 s
    And job "job-b" streams started, 20 tokens, metrics and end "MAX_TOKENS" within 5 s
    And the tokens of jobs "job-a" and "job-b" were interleaved in time

  # scenarios.md S095, on the worker's own route
  Scenario: S095 Explicit cancellation is idempotent
    Given the worker takes 100 ms per token
    And a random test model with 2 layers
    And an idle worker for it with 1 slot
    When job "job-c" with 200 max tokens starts on the worker
    And I cancel job "job-c" on the worker 2 times
    Then job "job-c" ends with "CANCELLED" within 2 s
    And the worker has 0 busy slots
    When I cancel job "job-c" on the worker 1 time
    And I cancel job "job-never-was" on the worker 1 time
    Then GET /v1/ready says "idle"

  # scenarios.md S101
  Scenario: S101 The worker reports every field error at once
    Given a random test model with 2 layers
    And an idle worker for it with 1 slot
    When a request with an empty job_id, max_tokens 0, temperature 3.5 and 5 stop strings reaches the worker
    Then it is refused with 400 INVALID_REQUEST
    And the refusal lists the fields "job_id, max_tokens, temperature, stop"
    And the worker has 0 busy slots

  # scenarios.md S105, the worker's part
  Scenario: S105 Internal calls need the cluster secret
    Given a random test model with 2 layers
    And an idle worker for it with 1 slot
    Then calling POST "/v1/inference" on the worker without a secret answers 401 MISSING_API_KEY
    And calling POST "/v1/inference" on the worker with a wrong secret answers 401 INVALID_API_KEY
    And calling GET "/v1/ready" on the worker with a wrong secret answers 401 INVALID_API_KEY
    And calling POST "/v1/admin/shutdown" on the worker without a secret answers 401 MISSING_API_KEY
    And GET /health on the worker answers without a secret
    And GET /v1/ready says "idle"

  # scenarios.md S115
  Scenario: S115 Draining with an active job
    Given the worker takes 50 ms per token
    And a random test model with 2 layers
    And an idle worker for it with 1 slot
    When job "job-drain" with 60 max tokens starts on the worker
    And the worker receives POST /v1/admin/shutdown
    Then GET /v1/ready says "draining"
    When another job "job-late" reaches the worker
    Then it is refused with 503 WORKER_NOT_READY
    And the refusal's details have state "draining"
    And job "job-drain" ends with "MAX_TOKENS" within 30 s
    And within 30 s the worker process exits with code 0

  # scenarios.md S149
  Scenario: S149 SIGTERM to a worker with 2 jobs in flight
    Given the worker takes 50 ms per token
    And a random test model with 2 layers
    And an idle worker for it with 2 slots
    When job "job-x" with 40 max tokens starts on the worker
    And job "job-y" with 40 max tokens starts on the worker
    And the worker receives SIGTERM
    Then job "job-x" ends with "MAX_TOKENS" within 30 s
    And job "job-y" ends with "MAX_TOKENS" within 30 s
    And within 30 s the worker process exits with code 0
