Feature: A busy worker whose heartbeats stop reaching queen (scenarios.md S147)
  The gate sits between the localhost hive and queen (queen advertises it to its hive) and answers the held-back
  heartbeats itself, so the hive keeps its lease and its worker keeps working: only queen stops hearing of it. Every
  token takes 400 ms, so the long task runs about 40 s.

  # scenarios.md S147: stale after 15 s, its job goes on, new jobs go elsewhere, and it leaves when its job ends.
  Scenario: S147 A stale but busy worker is removed when its job ends
    Given the worker takes 400 ms per token
    And queen-rbee was started by the operator, its hive reaching it through a gate that can hold back heartbeats
    When a long task "{\"model\":\"demo:tiny\",\"prompt\":\"write a long story\",\"max_tokens\":100}" starts through POST /v2/tasks and shows its first token
    And I remember the id of queen's only worker as <worker-id>
    And the gate holds back every heartbeat to queen
    Then <worker-id> turns stale 15 s after its last heartbeat, give or take 1 s
    And a new task "{\"model\":\"demo:tiny\",\"prompt\":\"hi\",\"max_tokens\":2}" runs on another worker than <worker-id>
    And the long task ends with end "MAX_TOKENS"
    And within 2 s <worker-id> is gone from /v2/workers/list while its process still runs
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S147: heartbeats that resume before the job ends bring it back, and it ends idle.
  Scenario: S147 A stale busy worker comes back when its heartbeats resume
    Given the worker takes 400 ms per token
    And queen-rbee was started by the operator, its hive reaching it through a gate that can hold back heartbeats
    When a long task "{\"model\":\"demo:tiny\",\"prompt\":\"write a long story\",\"max_tokens\":100}" starts through POST /v2/tasks and shows its first token
    And I remember the id of queen's only worker as <worker-id>
    And the gate holds back every heartbeat to queen
    Then <worker-id> turns stale 15 s after its last heartbeat, give or take 1 s
    When the gate lets heartbeats through again
    Then within 6 s <worker-id> is listed "busy" and not stale
    And the long task ends with end "MAX_TOKENS"
    And within 6 s <worker-id> is listed "idle" and not stale
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
