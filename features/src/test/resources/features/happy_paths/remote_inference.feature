Feature: Inference on a remote node (scenarios.md §3)
  The node "workstation" is the embedded SSH server on 127.0.0.1 (see registry/remote_hive.feature): rbee is installed
  there, commands run as "ops" get the node's own RBEE_HOME (<node-rbee-home-ops>), its first worker port
  (<node-worker-port-ops>, 8001 in the spec), the hub and the simulated devices. keeper runs with --json, so stdout is
  the task's SSE stream, every event verbatim in arrival order (cli.md §10.2). The hub serves the TinyLlama fixture:
  a random-weight llama of about 58 MB with 22 layers, paced so that the download reports progress more than once.

  Background:
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    And the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 58 MB
    And the hub serves "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" at 16384 KiB/s
    And the node's commands for user "ops" see the hub and the simulated devices "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"

  Scenario: S020 Cold start on a remote node (the full chain)
    When I run "rbee-keeper --json infer --node workstation --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt 'write a short story' --max-tokens 20 --temperature 0.7 --backend cuda --device 1"
    Then the exit code is 0
    And stdout's events show in order the hive start over SSH as "ops", downloads, complete at "<node-rbee-home-ops>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf", preflight, loading to 22/22, ready, started on "workstation", tokens 0 to 19, metrics and end "MAX_TOKENS"
    And the catalog of the node user "ops" has 1 row
    And a worker answers GET /health at "http://127.0.0.1:<node-worker-port-ops>"
    When I run "rbee-keeper worker list"
    Then the exit code is 0
    And stdout has a line matching "<started-worker-id>\s+workstation\s+hf:TheBloke/TinyLlama-1\.1B-Chat-v1\.0-GGUF\s+cuda:1\s+idle\s+0/1\s+http://127\.0\.0\.1:<node-worker-port-ops>"
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running

  # "The first token arrives within 1 s" is measured from the stream's first event (queen has taken the task), and
  # "finishes within 5 s" from the start of keeper's process, its JVM start included (docs/decisions.md).
  Scenario: S021 A warm start reuses the idle worker
    When I run "rbee-keeper --json infer --node workstation --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt 'write a short story' --max-tokens 20 --temperature 0.7 --backend cuda --device 1"
    Then the exit code is 0
    And stdout's events show in order the hive start over SSH as "ops", downloads, complete at "<node-rbee-home-ops>/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf", preflight, loading to 22/22, ready, started on "workstation", tokens 0 to 19, metrics and end "MAX_TOKENS"
    When I note what the SSH server has seen so far
    And I note the hub's requests so far
    And I run "rbee-keeper --json infer --node workstation --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --prompt 'write a short story' --max-tokens 20 --temperature 0.7 --backend cuda --device 1" and time it
    Then the exit code is 0
    And stdout's events show no download, preflight or loading, started on the same worker, tokens 0 to 19, metrics and end "MAX_TOKENS"
    And the SSH server ran no command since then
    And the hub received no request since then
    And the first token came within 1000 ms of the stream's first event
    And the command took less than 5 s
    # keeper's --json leaves out [DONE] (cli.md §10.2); the raw stream of the same warm task shows it.
    When a task "{\"node\":\"workstation\",\"model\":\"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF\",\"prompt\":\"write a short story\",\"max_tokens\":20,\"temperature\":0.7,\"backend\":\"cuda\",\"device\":1}" runs through POST /v2/tasks
    Then the task stream has an X-Job-Id header, then started, tokens 0 to 19, the worker's narration, metrics, end "MAX_TOKENS" and [DONE]
    And the SSH server ran no command since then
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running

  # cli.md §11 on a registered node: models download/list/rm go through queen to the node's hive, which queen starts
  # over SSH; api.md §5.8: GET /v1/models then lists that catalog too, with no worker for it.
  Scenario: Models of a remote node: download, list, the OpenAI model list, delete
    When I run "rbee-keeper models download --node workstation hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    Then the exit code is 0
    And stdout has a line matching "✅ hf:TheBloke/TinyLlama-1\.1B-Chat-v1\.0-GGUF downloaded to <node-rbee-home-ops>/models/hf/TheBloke/TinyLlama-1\.1B-Chat-v1\.0-GGUF/tinyllama-1\.1b-chat-v1\.0\.Q4_K_M\.gguf \([0-9.]+ MB\)"
    And the catalog of the node user "ops" has 1 row
    When I run "rbee-keeper models list --node workstation"
    Then the exit code is 0
    And stdout has a line matching "tinyllama-1\.1b-chat-v1\.0\.Q4_K_M +hf:TheBloke/TinyLlama-1\.1B-Chat-v1\.0-GGUF +.*"
    And "/v1/models" lists the models "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", each once, owned by rbee
    When I run "rbee-keeper models rm --node workstation tinyllama-1.1b-chat-v1.0.Q4_K_M --yes"
    Then the exit code is 0
    And stdout has a line matching "✅ Deleted tinyllama-1\.1b-chat-v1\.0\.Q4_K_M from workstation \([0-9.]+ MB freed\)"
    And the catalog of the node user "ops" has 0 rows
    When I run "rbee-keeper models list --node nowhere"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Node 'nowhere' is not registered (NODE_NOT_FOUND)"
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running
