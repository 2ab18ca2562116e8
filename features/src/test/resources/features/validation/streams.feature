Feature: A failure inside a stream is one error event, then [DONE]

  # scenarios.md S135, with the streamed failures of S043 (unknown repo), S063 (VRAM) and S082 (worker crash) on
  # queen's task stream; S089's ALL_SLOTS_BUSY stream is checked the same way through keeper in busy_workers.feature.
  Scenario: S135 Errors inside a stream
    Given a hub server that records every request
    And the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/40MiB"
    And a 50 MiB test model at "<rbee-home>/fixtures/big model.gguf"
    And the worker takes 100 ms per token
    And queen-rbee was started by the operator
    When a task "{\"model\":\"hf:NonExistent/FakeModel\",\"prompt\":\"hi\"}" runs through POST /v2/tasks
    Then the task stream is well formed and ends with its one error "MODEL_NOT_FOUND"
    When a task "{\"model\":\"file:<rbee-home>/fixtures/big model.gguf\",\"backend\":\"cuda\",\"device\":1,\"prompt\":\"hi\"}" runs through POST /v2/tasks
    Then the task stream is well formed and ends with its one error "INSUFFICIENT_VRAM"
    Given an idle worker for "demo:tiny" runs on localhost
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a long story\",\"max_tokens\":300}" starts through POST /v2/tasks in the background
    And the task's stream has shown a "token" event
    And llm-worker-rbee is killed with SIGKILL
    Then the task stream is well formed and ends with its one error "WORKER_FAILED"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S136: a document for a command, one error line for a stream, hints in details.suggestions
  Scenario: S136 keeper's JSON mode
    When I run "rbee-keeper --queen-url http://127.0.0.1:<queen-port> worker list --json"
    Then the exit code is 1
    And stdout is one JSON document {"error":{"code":"QUEEN_UNREACHABLE",…}} with the suggestion "Start it: rbee-keeper daemon start"
    And stderr is empty
    Given queen-rbee was started by the operator
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --node nowhere --json"
    Then the exit code is 1
    And stdout is one JSON line {"type":"error","code":"NODE_NOT_FOUND",…} with the suggestion "Add it first: rbee-keeper setup add-node --name nowhere --ssh-host <host> --ssh-user <user>"
    And stderr is empty
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
