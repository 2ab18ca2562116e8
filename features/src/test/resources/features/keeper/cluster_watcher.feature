Feature: The keeper core follows the cluster live (issue 7: what the desktop binds to)

  # Not a catalogued scenario: it drives app-headless's ClusterWatcher (dev.rbee.keeper.cluster) against a real queen,
  # as the desktop will. The listener runs on a direct executor; coalescing and tokens/s are unit-tested with a fake
  # clock in app-headless. Queen's own event order is S169–S171 (events/events.feature).
  Scenario: Keeper core follows the cluster live
    Given queen-rbee was started by the operator
    When a keeper cluster watcher follows queen
    Then within 5 s the cluster watcher is connected and shows node "localhost" with its hive "stopped", 0 workers and 0 jobs
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 20"
    Then the exit code is 0
    And within 10 s the cluster watcher shows 1 "idle" worker on "localhost" and the last job "completed" with 20 tokens
    And the cluster watcher saw the job running with its tokens counted before it completed
    And the cluster watcher's hive of "localhost" is "running"
    When queen-rbee receives SIGTERM
    Then within 40 s the cluster watcher is disconnected because "queen-rbee is shutting down"
    And within 40 s nothing of this scenario is running
    And within 5 s the cluster watcher is disconnected and still shows node "localhost"
    When queen-rbee was started by the operator
    Then within 15 s the cluster watcher is connected and shows node "localhost" with its hive "stopped", 0 workers and 0 jobs
    And the cluster watcher's state comes from a snapshot taken after it was disconnected
    When the cluster watcher is closed
    Then the cluster watcher's thread has ended
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running
