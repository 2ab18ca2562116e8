Feature: rbee-keeper reads $RBEE_HOME/config.toml (cli.md §3)

  # scenarios.md S130: three real queens; the URL keeper prints is the one whose queen answered.
  Scenario: S130 How keeper finds queen
    Given queen-rbee was started by the operator
    And another queen-rbee was started by the operator at "queen-a-url"
    And another queen-rbee was started by the operator at "queen-b-url"
    And keeper's environment has no RBEE_QUEEN_URL
    When I run "rbee-keeper status"
    Then the exit code is 1
    And stdout is "queen-rbee is not running at http://127.0.0.1:8080"
    Given config.toml holds:
      """
      queen_url = "<queen-a-url>"
      """
    When I run "rbee-keeper status"
    Then the exit code is 0
    And stdout has a line matching "queen-rbee 0\.1\.0 at <queen-a-url> \(not started by rbee-keeper\)"
    Given keeper's environment has RBEE_QUEEN_URL "<queen-b-url>"
    When I run "rbee-keeper status"
    Then the exit code is 0
    And stdout has a line matching "queen-rbee 0\.1\.0 at <queen-b-url> \(not started by rbee-keeper\)"
    When I run "rbee-keeper status --queen-url <queen-url>"
    Then the exit code is 0
    And stdout has a line matching "queen-rbee 0\.1\.0 at <queen-url> \(not started by rbee-keeper\)"
    When I run "rbee-keeper worker list --queen-url ftp://x"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Invalid queen URL 'ftp://x': expected http://<host>:<port> (USAGE_ERROR)"
    Given keeper's environment has RBEE_QUEEN_URL "ftp://x"
    When I run "rbee-keeper worker list"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Invalid queen URL 'ftp://x': expected http://<host>:<port> (USAGE_ERROR)"
    Given keeper's environment has no RBEE_QUEEN_URL
    And config.toml holds:
      """
      queen_url = "ftp://x"
      """
    When I run "rbee-keeper worker list"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Invalid queen URL 'ftp://x': expected http://<host>:<port> (USAGE_ERROR)"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # cli.md §3: api_key and [defaults] from config.toml; RBEE_API_KEY overrides api_key.
  Scenario: The API key and the infer defaults come from config.toml
    Given queen-rbee was started by the operator with its API key in a file
    And config.toml holds:
      """
      [defaults]
      node = "localhost"
      model = "demo:tiny"
      max_tokens = 3
      temperature = 0.0
      """
    And config.toml also holds the right API key
    When I run "rbee-keeper infer --json --prompt hi"
    Then the exit code is 0
    And the end event on stdout has tokens_out 3
    When I run "rbee-keeper infer --json --prompt hi --max-tokens 2"
    Then the exit code is 0
    And the end event on stdout has tokens_out 2
    When I run "rbee-keeper worker list"
    Then the exit code is 0
    And stdout has a line matching "worker-\S+\s+localhost\s+demo:tiny\s+cpu:0\s+idle\s+0/1\s+http://127\.0\.0\.1:<first-worker-port>"
    Given keeper's environment has RBEE_API_KEY "wrong_key"
    When I run "rbee-keeper worker list"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Authentication failed: queen-rbee rejected the API key (INVALID_API_KEY)"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # cli.md §3: [defaults] node and model also serve worker start and models *; a flag still wins.
  Scenario: worker start and models take their node and model from [defaults]
    Given queen-rbee was started by the operator
    And config.toml holds:
      """
      [defaults]
      node = "localhost"
      model = "demo:tiny"
      """
    When I run "rbee-keeper worker start"
    Then the exit code is 0
    And stdout has a line matching "✅ Worker worker-[0-9a-f]+ ready on localhost \(cpu:0, demo:tiny\) at http://127\.0\.0\.1:<first-worker-port>"
    When I run "rbee-keeper models list"
    Then the exit code is 0
    And stdout has a line matching "demo-tiny +demo:tiny +.*"
    Given config.toml holds:
      """
      [defaults]
      node = "nowhere"
      """
    When I run "rbee-keeper models list"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Node 'nowhere' is not registered (NODE_NOT_FOUND)"
    When I run "rbee-keeper models list --node localhost"
    Then the exit code is 0
    When I run "rbee-keeper worker start --node localhost"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Missing --model (USAGE_ERROR)"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: Unknown keys in config.toml are warned about and ignored
    Given config.toml holds:
      """
      queen_ur = "http://127.0.0.1:1"

      [defaults]
      modle = "demo:tiny"

      [preflight]
      ram_available_override = "4GiB"
      """
    When I run "rbee-keeper status"
    Then the exit code is 1
    And stdout is "queen-rbee is not running at <queen-url>"
    And stderr contains the line "[rbee-keeper] ⚠️ Unknown key 'queen_ur' in <rbee-home>/config.toml (ignored)"
    And stderr contains the line "[rbee-keeper] ⚠️ Unknown key 'defaults.modle' in <rbee-home>/config.toml (ignored)"
    And stderr does not contain "preflight"

  Scenario: A broken config.toml stops the command before anything else happens
    Given config.toml holds:
      """
      [defaults]
      model = "demo:tiny"
      max_tokens = "many"
      """
    When I run "rbee-keeper infer --prompt hi"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: <rbee-home>/config.toml line 3: defaults.max_tokens must be an integer (CONFIG_INVALID)"
    And stderr does not contain "Starting queen-rbee"
    And within 1 s no queen-rbee process of this scenario is left
    And nothing listens on the queen port
    When I run "rbee-keeper infer --json --prompt hi"
    Then the exit code is 1
    And stdout is exactly one JSON line with type "error" and code "CONFIG_INVALID"
    And stderr is empty
    Given config.toml holds:
      """
      queen_url = "http://127.0.0.1:9"
      [defaults
      """
    When I run "rbee-keeper status --json"
    Then the exit code is 1
    And stdout is a JSON document where "/error/code" is '"CONFIG_INVALID"'
    And stderr is empty
    When I run "rbee-keeper daemon start"
    Then the exit code is 1
    And stderr contains a line starting with "[rbee-keeper] ❌ Error: <rbee-home>/config.toml line 2: "
    And within 1 s no queen-rbee process of this scenario is left
