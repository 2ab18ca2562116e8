Feature: Hive preflight on a registered node (scenarios.md §5)
  queen reaches a registered node's hive at http://<ssh_host>:<hive_port> (api.md §5.3). In a test workstation's
  ssh_host is 127.0.0.1, so the spec's http://workstation.home.arpa:9200 reads <node-hive-url>: a real rbee-hive the
  scenario starts with queen's cluster secret, or a scripted peer for the "peer misbehaves" cases. Timings are the
  spec's own (10 s per attempt), so S033 takes about 31 s and S037 about 13 s plus the job.

  Scenario: S033 A hive that stops answering
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee-hive runs as the node's hive, with queen's cluster secret
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    And the node's hive receives SIGSTOP
    And I note what the SSH server has seen so far
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hi" and time it
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ⏳ Attempt 2/3: connecting to rbee-hive on workstation (delay 200ms)"
    And stderr contains the line "[queen-rbee] ⏳ Attempt 3/3: connecting to rbee-hive on workstation (delay 400ms)"
    And stderr contains the line "[queen-rbee] ❌ Error: Cannot connect to rbee-hive on workstation at <node-hive-url> after 3 attempts (CONNECTION_TIMEOUT)"
    And stderr contains the line "💡 See the hive log: rbee-keeper logs --node workstation"
    And the command took between 30.6 and 36 s
    And the SSH server ran no command since then
    When the node's hive receives SIGCONT
    And the node's hive is stopped
    And queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S034 A hive that answers malformed JSON
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And a scripted peer stands in for the node's hive, answering:
      | GET /v1/health       | 200 | {"status":"alive","version":"0.1.0","api_version":"v1","node":"workstation"} |
      | GET /v1/workers/list | 200 | { workers: [ incomplete                                                      |
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hi"
    Then the exit code is 1
    And stderr has a line matching "^\[queen-rbee\] ❌ Error: Invalid response from rbee-hive on workstation: .+ at position \d+ \(INTERNAL_ERROR\)$"
    And stderr contains the line "💡 Restart it: rbee-keeper hive stop --node workstation && rbee-keeper hive start --node workstation"
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hi --json"
    Then the exit code is 1
    And stdout is narration lines, then exactly one JSON line with type "error" and code "INTERNAL_ERROR"
    And the scripted peer received exactly "GET /v1/health, GET /v1/workers/list, GET /v1/health, GET /v1/workers/list"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S035 The hive's version differs from queen's
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And a scripted peer stands in for the node's hive, answering:
      | GET /v1/health          | 200 | {"status":"alive","version":"0.2.0","api_version":"v1","node":"workstation"}                                     |
      | GET /v1/workers/list    | 200 | {"workers":[]}                                                                                                   |
      | POST /v1/models/download | 500 | {"error":{"code":"INTERNAL_ERROR","message":"scripted peer: no downloads","details":{"component":"rbee-hive"}}} |
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hi"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: rbee-hive on workstation is 0.2.0 but queen-rbee is 0.1.0 (VERSION_MISMATCH)"
    And stderr contains the line "💡 Install the matching version: rbee-keeper setup install --node workstation"
    And the scripted peer received exactly "GET /v1/health"
    # Only the patch version differs: a warning in queen's log, and the job goes on to the worker list and download.
    When the scripted peer now answers "GET /v1/health" with 200 '{"status":"alive","version":"0.1.3","api_version":"v1","node":"workstation"}'
    And I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hi"
    Then the exit code is 1
    And stderr contains the line "[rbee-hive] ❌ Error: scripted peer: no downloads (INTERNAL_ERROR)"
    And the log "queen-rbee.log" contains "rbee-hive on workstation is 0.1.3, queen-rbee is 0.1.0"
    And the scripted peer received exactly "GET /v1/health, GET /v1/health, GET /v1/workers/list, POST /v1/models/download"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S036 keeper's version differs from queen's
    Given a scripted peer stands in for queen, answering:
      | GET /health          | 200 | {"status":"ok","version":"0.2.0"} |
      | GET /v2/workers/list | 200 | {"workers":[]}                    |
    When I run "rbee-keeper worker list"
    Then the exit code is 0
    And stderr contains the line "[rbee-keeper] ⚠️ queen-rbee is 0.2.0, this rbee-keeper is 0.1.0"
    And stdout is "No workers running"
    And the scripted peer received "GET /v2/workers/list"
    And within 10 s nothing of this scenario is running

  Scenario: S037 A retried hive call succeeds when the hive recovers
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee-hive runs as the node's hive, with queen's cluster secret
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    And the node's hive receives SIGSTOP
    When I start "rbee-keeper infer --node workstation --model demo:tiny --prompt hi --max-tokens 5"
    And 12 s after the stop, the node's hive receives SIGCONT
    Then within 100 s the command ends with exit code 0
    And stderr contains the line "[queen-rbee] ⏳ Attempt 2/3: connecting to rbee-hive on workstation (delay 200ms)"
    And stderr has 1 line containing "⏳ Attempt"
    And stdout is one line of generated text
    When the node's hive is stopped
    And queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
