Feature: Queen's registries under concurrent calls (scenarios.md §9)
  Requests are released together on their own threads and connections; the nodes are served by the embedded SSH
  server, so that registrations from three different registered nodes are possible. The spec's worker-001 does not
  match api.md's own id pattern (worker-[0-9a-f]{4}), so the ids here are worker-0001…; and api.md answers a
  successful add with 201, where S143 says 200.

  # scenarios.md S137
  Scenario: S137 Three hives register the same worker id at once
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "node-a" was added through queen as user "ops" with install path "~/rbee"
    And "node-b" was added through queen as user "ops" with install path "~/rbee"
    And "node-c" was added through queen as user "ops" with install path "~/rbee"
    When registrations of "worker-0001" from the nodes "node-a, node-b, node-c" are released by one barrier
    Then 1 answer is 201 and 2 are the error 409 WORKER_ALREADY_REGISTERED
    And queen lists "worker-0001" once, on the node whose registration got 201
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S138
  Scenario: S138 Three different workers register at once
    Given queen-rbee was started by the operator
    When the workers "worker-0001, worker-0002, worker-0003" of "localhost" register at the same moment
    Then 3 answers are 201 and 0 are the error 409 WORKER_ALREADY_REGISTERED
    And queen lists 3 distinct workers
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S139
  Scenario: S139 Out-of-order state updates
    Given queen-rbee was started by the operator
    When the hive side sends "{\"worker_id\":\"worker-0001\",\"node\":\"localhost\",\"url\":\"http://127.0.0.1:41999\",\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\"}" to queen's "/v2/workers/register" with the cluster secret
    And the hive side sends "{\"state\":\"idle\",\"slots_busy\":0,\"seq\":42}" to queen's "/v2/workers/worker-0001/heartbeat" with the cluster secret
    And the hive side sends "{\"state\":\"busy\",\"slots_busy\":1,\"seq\":41}" to queen's "/v2/workers/worker-0001/heartbeat" with the cluster secret
    Then queen lists worker "worker-0001" on "localhost" at "http://127.0.0.1:41999" in state "idle"
    And 1000 random interleavings of two senders' heartbeats for "worker-0001" end in the state of the highest seq
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S143
  Scenario: S143 Adding the same node twice at once
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    When two add-node calls for "workstation" arrive together
    Then 1 answer is 201 and 1 is the error 409 NODE_ALREADY_EXISTS
    And beehives.db holds exactly the node "workstation" with:
      | ssh_host | 127.0.0.1 |
      | ssh_user | ops       |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S142: the second job waits while the first provisions, then joins its worker (1 slot: a busy retry)
  Scenario: S142 Two cold jobs for the same model
    Given the hub has "org/tiny-GGUF" with "tiny.Q8_0.gguf", a test model of exactly 4 MB
    And the hub serves "tiny.Q8_0.gguf" at 2048 KiB/s
    And queen-rbee was started by the operator
    When two tasks "{\"model\":\"hf:org/tiny-GGUF\",\"backend\":\"cpu\",\"device\":0,\"prompt\":\"hello\",\"max_tokens\":5}" are sent to POST /v2/tasks at the same moment
    Then both task streams end with end and [DONE], without an error
    And the hub received 1 file request
    And the log "rbee-hive.log" contains "Spawning a worker for" 1 time
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S140: queen's cleanup runs every 100 ms (in production too: a scan of a small map). The 50 entries go
  # stale the real way, 120 s without a heartbeat (no hive runs to refresh them); 119 s in they are still listed.
  Scenario: S140 Stale cleanup running alongside registrations
    Given queen-rbee was started by the operator
    When 50 workers of "localhost" register and then hear nothing for 119 s
    Then queen lists all 50 of them as stale
    When 100 new workers of "localhost" register over the next second while a thread dump of queen is taken
    Then all 100 registrations got 201 within 2 s
    And the thread dump shows no deadlock
    And within 2 s queen lists exactly the 100 new workers, none stale
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S141: a real worker busy with a slow job (so that it drains for a while); the user's shutdown and a
  # heartbeat in its hive's name that still says busy are released together.
  Scenario: S141 A heartbeat during a state change
    Given the worker takes 300 ms per token
    And queen-rbee was started by the operator
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a story\",\"max_tokens\":40}" starts through POST /v2/tasks in the background
    And the task's stream has shown 2 "token" events
    And I remember the id of queen's only worker as <worker-id>
    And a shutdown of <worker-id> and a heartbeat "{\"state\":\"busy\",\"slots_busy\":1,\"seq\":900000}" for it are released by one barrier
    Then the shutdown got 202 and the heartbeat was accepted
    And until it leaves, queen lists <worker-id> as draining with a heartbeat from after the barrier
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
