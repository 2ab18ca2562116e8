Feature: Queen's registries under concurrent calls (scenarios.md §9)
  Requests are released together on their own threads and connections; the nodes are served by the embedded SSH
  server, so that registrations from three different registered nodes are possible.

  # scenarios.md S137
  Scenario: S137 Three hives register the same worker id at once
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "node-a" was added through queen as user "ops" with install path "~/rbee"
    And "node-b" was added through queen as user "ops" with install path "~/rbee"
    And "node-c" was added through queen as user "ops" with install path "~/rbee"
    When registrations of "worker-001" from the nodes "node-a, node-b, node-c" are released by one barrier
    Then 1 answer is 201 and 2 are the error 409 WORKER_ALREADY_REGISTERED
    And queen lists "worker-001" once, on the node whose registration got 201
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S138
  Scenario: S138 Three different workers register at once
    Given queen-rbee was started by the operator
    When the workers "worker-001, worker-002, worker-003" of "localhost" register at the same moment
    Then 3 answers are 201 and 0 are the error 409 WORKER_ALREADY_REGISTERED
    And queen lists 3 distinct workers
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S139
  Scenario: S139 Out-of-order state updates
    Given queen-rbee was started by the operator
    When the hive side sends "{\"worker_id\":\"worker-001\",\"node\":\"localhost\",\"url\":\"http://127.0.0.1:41999\",\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\"}" to queen's "/v2/workers/register" with the cluster secret
    And the hive side sends "{\"state\":\"idle\",\"slots_busy\":0,\"seq\":42}" to queen's "/v2/workers/worker-001/heartbeat" with the cluster secret
    And the hive side sends "{\"state\":\"busy\",\"slots_busy\":1,\"seq\":41}" to queen's "/v2/workers/worker-001/heartbeat" with the cluster secret
    Then queen lists worker "worker-001" on "localhost" at "http://127.0.0.1:41999" in state "idle"
    And 1000 random interleavings of two senders' heartbeats for "worker-001" end in the state of the highest seq
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S143
  Scenario: S143 Adding the same node twice at once
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    When two add-node calls for "workstation" arrive together
    Then 1 answer is 200 and 1 is the error 409 NODE_ALREADY_EXISTS
    And beehives.db holds exactly the node "workstation" with:
      | ssh_host | 127.0.0.1 |
      | ssh_user | ops       |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
