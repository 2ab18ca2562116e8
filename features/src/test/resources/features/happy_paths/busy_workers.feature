Feature: A busy worker is retried, not duplicated

  # scenarios.md S024: the second job waits for the busy worker's slot instead of a second worker on the device.
  Scenario: S024 A matching busy worker is not duplicated
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When a task "{\"model\":\"demo:tiny\",\"backend\":\"cpu\",\"device\":0,\"prompt\":\"write a story\",\"max_tokens\":40}" starts through POST /v2/tasks in the background
    And the task's stream has shown a "token" event
    And I run "rbee-keeper infer --model demo:tiny --backend cpu --device 0 --prompt hi --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] ⏳ Worker busy, retrying in 1 s (attempt 1/3)"
    And stderr does not contain "Spawning a worker"
    And the log "rbee-hive.log" contains "Spawning a worker for" 1 time
    And a queen-rbee, an rbee-hive and 1 llm-worker-rbee process of this scenario are running
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S024 and S089: the only matching worker stays busy (300 tokens at 100 ms each), so queen spawns no
  # second worker; it retries after 1, 2 and 4 s and gives up about 7 s after the first try.
  Scenario: S089 Queen retries a busy worker and then gives up
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a long story\",\"max_tokens\":300}" starts through POST /v2/tasks in the background
    And the task's stream has shown a "token" event
    And I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 5"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ⏳ Worker busy, retrying in 1 s (attempt 1/3)"
    And stderr contains the line "[queen-rbee] ⏳ Worker busy, retrying in 2 s (attempt 2/3)"
    And stderr contains the line "[queen-rbee] ⏳ Worker busy, retrying in 4 s (attempt 3/3)"
    And stderr contains the line "[queen-rbee] ❌ Error: Worker still busy after 3 retries (ALL_SLOTS_BUSY)"
    And stderr contains the line "💡 Wait and try again"
    And stderr contains the line "💡 Start another worker: rbee-keeper worker start --node localhost --model demo:tiny"
    And stderr contains the line "💡 Use another node: --node <name>"
    And the stderr line containing "(ALL_SLOTS_BUSY)" came at least 6500 ms after the one containing "attempt 1/3"
    And stderr does not contain "Spawning a worker"
    And a queen-rbee, an rbee-hive and 1 llm-worker-rbee process of this scenario are running
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S090: the first job has 30 of its 50 tokens (3 s) left when keeper starts; keeper's own start-up
  # takes about a second, so the slot frees between the first retry (1 s) and the second (3 s).
  Scenario: S090 The busy worker frees up during the retries
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a story\",\"max_tokens\":50}" starts through POST /v2/tasks in the background
    And the task's stream has shown 20 "token" events
    And I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] ⏳ Worker busy, retrying in 1 s (attempt 1/3)"
    And stderr contains the line "[queen-rbee] ⏳ Worker busy, retrying in 2 s (attempt 2/3)"
    And stderr does not contain "attempt 3/3"
    And stderr does not contain "Spawning a worker"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S161: the slow read takes 200 × 20 ms; a fast read of the same seed is the reference
  Scenario: S161 Slow readers lose no tokens
    Given queen-rbee was started by the operator
    When a client reads the task "{\"model\":\"demo:tiny\",\"prompt\":\"tell me everything\",\"max_tokens\":200,\"seed\":5}" pausing 0 ms per event, through a 4 KiB socket buffer
    And a client reads the task "{\"model\":\"demo:tiny\",\"prompt\":\"tell me everything\",\"max_tokens\":200,\"seed\":5}" pausing 20 ms per event, through a 4 KiB socket buffer
    Then read 1 got the token indexes 0 to 199 with no gap or duplicate
    And read 2 got the token indexes 0 to 199 with no gap or duplicate
    And reads 1 and 2 have the same text
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
