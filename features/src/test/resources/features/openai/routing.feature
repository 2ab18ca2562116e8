Feature: Routing of the OpenAI endpoints by model (scenarios.md S167, api.md §5.8)
  "workstation" is the embedded SSH server's node of happy_paths/remote_inference.feature; its hive downloads the
  TinyLlama fixture from the hub. Where a job ran is read back from GET /v2/tasks/{job_id} (a finished job stays
  there 10 min) and from its job events on /v2/events.

  Scenario: S167 Routing by model
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    And the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 58 MB
    And the node's commands for user "ops" see the hub and the simulated devices "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"
    When I run "rbee-keeper worker start --node workstation --model hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF --backend cuda --device 1"
    Then the exit code is 0
    And I remember the worker id on stdout
    When watcher A opens queen's event stream
    And "{\"model\":\"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":8}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 200 with object "chat.completion" for model "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"
    And GET /v2/tasks/<job> says the job of OpenAI answer 1 ran on "workstation" on worker "<worker-id>"
    And within 5 s watcher A saw the job of OpenAI answer 1 complete on "workstation"
    When I run "rbee-keeper worker list --node localhost"
    Then stdout is "No workers running"
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":8}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 200 with object "chat.completion" for model "demo:tiny"
    And GET /v2/tasks/<job> says the job of OpenAI answer 2 ran on "localhost"
    And within 5 s watcher A saw the job of OpenAI answer 2 complete on "localhost"
    When I run "rbee-keeper worker list --node localhost"
    Then stdout has a line matching "worker-[0-9a-f]+\s+localhost\s+demo:tiny\s+cpu:0\s+idle\s+0/1\s+.*"
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running
