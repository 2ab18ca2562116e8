Feature: Workers registered with queen by their hive (api.md §5.5)

  Background:
    Given queen-rbee was started by the operator

  # scenarios.md S027: the routes a hive calls, with the cluster secret
  Scenario: S027 Worker registration with queen
    When the hive side sends "{\"worker_id\":\"worker-ab12\",\"node\":\"localhost\",\"url\":\"http://127.0.0.1:41999\",\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\",\"device\":0,\"slots_total\":1}" to queen's "/v2/workers/register" with the cluster secret
    Then queen's answer is 201 with "/worker_id" = "worker-ab12"
    And queen lists worker "worker-ab12" on "localhost" at "http://127.0.0.1:41999" in state "loading"
    When the hive side sends "{\"worker_id\":\"worker-ab12\",\"node\":\"localhost\",\"url\":\"http://127.0.0.1:41999\",\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\",\"device\":0,\"slots_total\":1}" to queen's "/v2/workers/register" with the cluster secret
    Then queen's answer is 200 with "/worker_id" = "worker-ab12"
    When the hive side sends "{\"worker_id\":\"worker-ab12\",\"node\":\"localhost\",\"url\":\"http://127.0.0.1:41998\",\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\",\"device\":0,\"slots_total\":1}" to queen's "/v2/workers/register" with the cluster secret
    Then queen's answer is the error 409 WORKER_ALREADY_REGISTERED
    And queen lists worker "worker-ab12" on "localhost" at "http://127.0.0.1:41999" in state "loading"
    When the hive side sends "{\"worker_id\":\"worker-cd34\",\"node\":\"nowhere\",\"url\":\"http://127.0.0.1:41997\",\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\"}" to queen's "/v2/workers/register" with the cluster secret
    Then queen's answer is the error 404 NODE_NOT_FOUND
    When the hive side sends "{\"worker_id\":\"not a worker\",\"node\":\"localhost\",\"backend\":\"quantum\",\"slots_total\":99}" to queen's "/v2/workers/register" with the cluster secret
    Then queen's answer is the error 400 INVALID_REQUEST
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S028, queen's side: a newer seq applies, an older or equal one is ignored, an unknown id is 404
  Scenario: S028 Heartbeats keep entries fresh
    When the hive side sends "{\"worker_id\":\"worker-ab12\",\"node\":\"localhost\",\"url\":\"http://127.0.0.1:41999\",\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\"}" to queen's "/v2/workers/register" with the cluster secret
    And the hive side sends "{\"state\":\"idle\",\"slots_busy\":0,\"seq\":1}" to queen's "/v2/workers/worker-ab12/heartbeat" with the cluster secret
    Then queen's answer is 200 with "/accepted" = "true"
    And queen lists worker "worker-ab12" on "localhost" at "http://127.0.0.1:41999" in state "idle"
    When the hive side sends "{\"state\":\"busy\",\"slots_busy\":1,\"seq\":1}" to queen's "/v2/workers/worker-ab12/heartbeat" with the cluster secret
    Then queen's answer is 200 with "/accepted" = "false"
    And queen lists worker "worker-ab12" on "localhost" at "http://127.0.0.1:41999" in state "idle"
    When the hive side sends "{\"state\":\"busy\",\"slots_busy\":1,\"seq\":2}" to queen's "/v2/workers/worker-ab12/heartbeat" with the cluster secret
    Then queen's answer is 200 with "/accepted" = "true"
    And queen lists worker "worker-ab12" on "localhost" at "http://127.0.0.1:41999" in state "busy"
    When the hive side sends "{\"state\":\"idle\",\"seq\":3}" to queen's "/v2/workers/worker-ffff/heartbeat" with the cluster secret
    Then queen's answer is the error 404 WORKER_NOT_FOUND
    When the hive side sends "{\"state\":\"sleepy\",\"seq\":4}" to queen's "/v2/workers/worker-ab12/heartbeat" with the cluster secret
    Then queen's answer is the error 400 INVALID_REQUEST
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S029, on the local node (starting remote hives is not built yet; docs/decisions.md)
  Scenario: S029 Worker health per node
    Given an idle worker for "demo:tiny" runs on localhost
    When I ask queen for "/v2/workers/health?node=localhost"
    Then queen's answer is 200 with "/node" = "localhost"
    And queen's answer is 200 with "/workers/0/state" = "idle"
    And queen's answer is 200 with "/workers/0/ready" = "true"
    And queen's answer has a last_heartbeat_unix within this scenario for "/workers/0"
    When I ask queen for "/v2/workers/health?node=nowhere"
    Then queen's answer is the error 404 NODE_NOT_FOUND
    When I ask queen for "/v2/workers/health"
    Then queen's answer is the error 400 INVALID_REQUEST
    When I run "rbee-keeper hive status --node localhost"
    Then the exit code is 0
    And stdout has a line matching "^  workers: 1$"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
