Feature: Dashboard events: queen's GET /v2/events (api.md §5.7)

  # scenarios.md S169. api.md names the events node/hive/worker/job; docs/decisions.md maps S169's names onto them
  # (worker_added = the first worker event of an id, worker_state = a later one, job_started = job running,
  # job_finished = job completed|failed|cancelled with stop_reason or error).
  Scenario: S169 Snapshot first, then changes
    Given DISPLAY and WAYLAND_DISPLAY are unset for the scenario's processes
    And queen-rbee was started by the operator
    When watcher A opens queen's event stream
    Then watcher A's first event is a snapshot of node "localhost" with its hive "stopped", 0 workers and 0 jobs
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And within 10 s watcher A has seen, in this order, "hive running; worker loading; worker idle; job running; worker busy; job completed MAX_TOKENS; worker idle"
    And watcher A saw one snapshot and then only changes, none of them repeated at once
    And watcher A received a keep-alive between 9 and 12 s after its last event
    When watcher B opens queen's event stream
    Then watcher B's first event is a snapshot of node "localhost" with its hive "running", 1 worker and 0 jobs
    And watcher B's snapshot counts 1 worker on the hive of "localhost"
    When I POST "" to queen's "/v2/shutdown"
    Then within 40 s watcher A receives shutdown and [DONE], and its stream ends
    And within 5 s watcher B receives shutdown and [DONE], and its stream ends

  # scenarios.md S170, in api.md's names (see S169)
  Scenario: S170 Events during a cold job
    Given queen-rbee was started by the operator
    And the worker takes 50 ms per token
    When watcher A opens queen's event stream
    And I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 20"
    Then the exit code is 0
    And within 10 s watcher A has seen, in this order, "hive starting; hive running; worker loading; worker idle; job running; worker busy; job completed MAX_TOKENS; worker idle"
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running

  # scenarios.md S171. Two jobs one after the other on a 1-slot worker stand in for S092's two concurrent ones. The
  # non-reader's 60 s cut-off is not asserted here: on loopback the few KB of events of a scenario never fill the
  # socket buffers, so queen's writes to it never block; ClusterEventsTest covers the cut-off with a blocked writer.
  Scenario: S171 Reconnecting and several watchers
    Given queen-rbee was started by the operator
    And the worker takes 50 ms per token
    When watcher A opens queen's event stream
    And watcher B opens queen's event stream
    And a client opens queen's event stream and never reads it
    And I run "rbee-keeper infer --model demo:tiny --prompt one --max-tokens 20"
    Then the exit code is 0
    When I run "rbee-keeper infer --model demo:tiny --prompt two --max-tokens 20"
    Then the exit code is 0
    And within 10 s watcher A has seen, in this order, "job running; job completed MAX_TOKENS; job running; job completed MAX_TOKENS"
    And within 5 s watchers A and B have seen the same changes in the same order
    When watcher B reconnects
    Then watcher B's snapshot matches GET /v2/workers/list and GET /v2/tasks
    And watcher B's first event is a snapshot of node "localhost" with its hive "running", 1 worker and 0 jobs
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running
