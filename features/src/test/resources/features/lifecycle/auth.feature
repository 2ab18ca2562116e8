Feature: Queen's user routes take the API key, internal routes the cluster secret

  # scenarios.md S103
  Scenario: S103 Missing API key
    Given queen-rbee was started by the operator with its API key in a file
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Authentication required by queen-rbee (MISSING_API_KEY)"
    And stderr contains the line "💡 Set api_key in <rbee-home>/config.toml or export RBEE_API_KEY"
    And queen answers GET "/health" with 200 - when called with no-key
    And queen answers GET "/v2/tasks" with 401 MISSING_API_KEY when called with no-key
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S104
  Scenario: S104 Wrong API key
    Given queen-rbee was started by the operator with its API key in a file
    And keeper's environment has RBEE_API_KEY "wrong_key"
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Authentication failed: queen-rbee rejected the API key (INVALID_API_KEY)"
    And stderr contains the line "💡 Set api_key in <rbee-home>/config.toml or export RBEE_API_KEY"
    When keeper's environment has the right API key
    And I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 3"
    Then the exit code is 0
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S106; api.md §2 adds its own wording of the refusal, printed as a second line.
  Scenario: S106 A non-loopback bind needs an API key
    When I run "queen-rbee --bind 0.0.0.0 --port <queen-port>"
    Then the exit code is 1
    And stderr contains the line "queen-rbee: An API key is required when queen-rbee listens on a non-loopback address (0.0.0.0)"
    And stderr contains the line "Refusing to bind 0.0.0.0:<queen-port> without an API key (set --api-key-file or RBEE_API_KEY)"
    And nothing listens on the queen port
    Given queen-rbee was started by the operator with its API key in a file and "--bind 0.0.0.0"
    Then queen answers GET "/health" with 200 - when called with no-key
    And queen answers GET "/v2/tasks" with 401 MISSING_API_KEY when called with no-key
    And queen answers GET "/v2/tasks" with 401 INVALID_API_KEY when called with a-wrong-key
    And queen answers GET "/v2/tasks" with 401 INVALID_API_KEY when called with the-cluster-secret
    And queen answers GET "/v2/tasks" with 200 - when called with the-key
    And queen answers POST "/v2/hives/heartbeat" with 401 INVALID_API_KEY when called with the-key
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S107 on the local node (the remote cold start of S020 arrives with SSH)
  Scenario: S107 Secrets stay out of process lists and logs
    Given queen-rbee was started by the operator with its API key in a file
    And keeper's environment has the right API key
    When I run "rbee-keeper infer --json --model demo:tiny --prompt hi --max-tokens 3"
    Then the exit code is 0
    And no process of this scenario shows the API key or the cluster secret on its command line
    And no file under logs/ and nothing on stdout holds the API key or the cluster secret
    And the cluster secret's file has mode 0600
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
