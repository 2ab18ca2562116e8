Feature: Idle workers are stopped; the hive lives on

  # scenarios.md S108 and S109, with worker.idle_timeout shortened to 3 s (scenarios.md "Time")
  Scenario: S108 The idle timeout stops a worker
    Given the worker idle timeout is 3 s
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    Then 2 s after that an llm-worker-rbee process of this scenario is still running
    And within 3 s no llm-worker-rbee process of this scenario is left
    And the log "rbee-hive.log" contains "idle for 3 s, stopping it"
    And within 6 s queen lists no worker on "localhost"
    And a queen-rbee, an rbee-hive and 0 llm-worker-rbee processes of this scenario are running
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] Spawning a worker for demo:tiny on localhost"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S110, with a 6 s idle timeout: a job halfway through the timeout keeps the worker past the first
  # deadline, and the clock starts again from that job
  Scenario: S110 Activity resets the idle timer
    Given the worker idle timeout is 6 s
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And 3 s after that an llm-worker-rbee process of this scenario is still running
    When I run "rbee-keeper infer --model demo:tiny --prompt again --max-tokens 3"
    Then the exit code is 0
    And stderr does not contain "Spawning a worker"
    And 4 s after that an llm-worker-rbee process of this scenario is still running
    And within 5 s no llm-worker-rbee process of this scenario is left
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S109: the hive outlives its idle worker; heartbeats counted by the kit's proxy in front of queen
  Scenario: S109 The worker dies; the hive lives
    Given the worker idle timeout is 3 s
    And queen-rbee was started by the operator, its hive reaching it through a proxy that counts heartbeats
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the hive's pid
    Then within 6 s no llm-worker-rbee process of this scenario is left
    When 10 s pass
    Then queen received 2 hive heartbeats, give or take 1, in that time
    And the hive still has the pid I remembered
    When I run "rbee-keeper hive status --node localhost"
    Then the exit code is 0
    And stdout has a line matching "✅ rbee-hive 0\.1\.0 is running on localhost at .* \(local process\)"
    And stdout has a line matching "  workers: 0"
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running
