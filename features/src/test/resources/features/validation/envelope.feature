Feature: Every error of every daemon uses one envelope (api.md §3)

  # scenarios.md S134: a sample of the catalogue's HTTP errors, provoked on a real queen, its hive and a worker
  Scenario: S134 Every error uses one envelope
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/40MiB"
    And a 50 MiB test model at "<rbee-home>/fixtures/big model.gguf"
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the id of queen's only worker as <worker-id>
    Then each of these requests is answered in the error envelope with its status and code:
      | daemon | auth   | method | path                            | body                                                                                                         | status | code                      | details                                                                  |
      | queen  | none   | POST   | /v2/tasks                       | { "model":                                                                                                   | 400    | INVALID_REQUEST           |                                                                          |
      | queen  | none   | POST   | /v2/tasks                       | {"model":"gpt-4","prompt":"hi"}                                                                              | 400    | INVALID_MODEL_REF         |                                                                          |
      | queen  | none   | POST   | /v2/tasks                       | {"model":"demo:tiny","prompt":"hi","node":"nowhere"}                                                         | 404    | NODE_NOT_FOUND            | node=nowhere                                                             |
      | queen  | none   | GET    | /v2/tasks/job-ffffff            |                                                                                                              | 404    | JOB_NOT_FOUND             |                                                                          |
      | queen  | wrong  | POST   | /v2/workers/register            | {}                                                                                                           | 401    | INVALID_API_KEY           |                                                                          |
      | queen  | secret | POST   | /v2/workers/register            | {"worker_id":"<worker-id>","node":"localhost","url":"http://127.0.0.1:1","model_ref":"demo:tiny","backend":"cpu"} | 409    | WORKER_ALREADY_REGISTERED |                                                                          |
      | hive   | none   | GET    | /v1/workers/list                |                                                                                                              | 401    | MISSING_API_KEY           |                                                                          |
      | hive   | secret | POST   | /v1/workers/spawn               | {"model_ref":"gpt-4"}                                                                                        | 400    | INVALID_MODEL_REF         |                                                                          |
      | hive   | secret | POST   | /v1/workers/worker-ffff/shutdown |                                                                                                             | 404    | WORKER_NOT_FOUND          |                                                                          |
      | hive   | secret | POST   | /v1/workers/spawn               | {"model_ref":"file:<rbee-home>/fixtures/big model.gguf","backend":"cuda","device":1}                         | 507    | INSUFFICIENT_VRAM         | required_bytes, available_bytes, node=localhost, backend=cuda, device=1  |
      | hive   | secret | DELETE | /v1/models/no-such-model        |                                                                                                              | 404    | MODEL_NOT_FOUND           |                                                                          |
      | worker | none   | POST   | /v1/inference                   | {}                                                                                                           | 401    | MISSING_API_KEY           |                                                                          |
      | worker | wrong  | POST   | /v1/inference                   | {}                                                                                                           | 401    | INVALID_API_KEY           |                                                                          |
      | worker | secret | POST   | /v1/inference                   | {"prompt":                                                                                                   | 400    | INVALID_REQUEST           |                                                                          |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
