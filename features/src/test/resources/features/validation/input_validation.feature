Feature: Bad input is refused early, completely and clearly

  # scenarios.md S098
  Scenario: S098 An invalid model reference
    Given a fresh RBEE_HOME and no queen-rbee answering on a loopback queen URL
    When I run "rbee-keeper infer --model invalid-format --prompt hi"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Invalid model reference 'invalid-format' (INVALID_MODEL_REF)"
    And stderr contains the line "    demo:tiny                        (built-in, random weights)"
    And stderr does not contain "Starting queen-rbee"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  # scenarios.md S099
  Scenario: S099 An invalid backend, reported together with other errors
    Given a fresh RBEE_HOME and no queen-rbee answering on a loopback queen URL
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --backend quantum --temperature 3.5"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Invalid inference options (INVALID_REQUEST)"
    And stderr contains the line "  --temperature: must be between 0.0 and 2.0 (got 3.5)"
    And stderr contains the line "  --backend: must be one of cpu, cuda, metal (got 'quantum')"
    And stderr does not contain "Starting queen-rbee"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --device 1"
    Then the exit code is 1
    And stderr contains the line "  --device: needs --backend"

  # scenarios.md S102
  Scenario: S102 Queen validates before any stream
    Given queen-rbee was started by the operator
    When I POST "{\"model\":\"demo:tiny\",\"prompt\":\"\",\"top_p\":1.5}" to queen's "/v2/tasks"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    And the answer lists the field errors "prompt:length(1,32768); top_p:range(0.0,1.0)"
    And the answer has no "X-Job-Id" header
    When I POST "{\"model\": " to queen's "/v2/tasks"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    And the answer lists the field errors "$:json"
    When I POST "{\"model\":\"invalid-format\",\"prompt\":\"hi\"}" to queen's "/v2/tasks"
    Then the answer is 400 INVALID_MODEL_REF with an envelope from "queen-rbee"
    And within 1 s no rbee-hive process of this scenario is left
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S010 (the SSH part arrives with the registry); S136 for the same failure with --json.
  Scenario: S010 Inference for a node that is not registered
    Given queen-rbee was started by the operator
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt 'write a short story'"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Node 'workstation' is not registered (NODE_NOT_FOUND)"
    And stderr contains the line "💡 Add it first: rbee-keeper setup add-node --name workstation --ssh-host <host> --ssh-user <user>"
    When I run "rbee-keeper --json infer --node workstation --model demo:tiny --prompt hi"
    Then the exit code is 1
    And stderr is empty
    And stdout is exactly one JSON line with type "error" and code "NODE_NOT_FOUND"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
