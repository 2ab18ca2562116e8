Feature: Who owns queen-rbee: ephemeral and persistent mode

  # scenarios.md S116
  Scenario: S116 keeper exits and the daemons stay
    Given queen-rbee was started by the operator
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 5"
    Then the exit code is 0
    And stderr does not contain "Stopping ephemeral"
    And a queen-rbee, an rbee-hive and 1 llm-worker-rbee process of this scenario are running
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    And the log "queen-rbee.log" does not contain "Shutting down"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
    And the operator's queen-rbee exited with code 0

  # scenarios.md S117
  Scenario: S117 Ephemeral mode: keeper owns the queen it started
    Given a fresh RBEE_HOME and no queen-rbee answering on a loopback queen URL
    When I run "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 5"
    Then the exit code is 0
    And stderr contains a line starting with "[rbee-keeper] 🚀 Starting queen-rbee (ephemeral) on <queen-url>"
    And stderr contains the line "[rbee-keeper] 🛑 Stopping ephemeral queen-rbee and everything it started..."
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
    And the queen, hive and first worker ports are free

  # scenarios.md S118
  Scenario: S118 Persistent mode: keeper never stops a queen it did not start
    Given queen-rbee was started by the operator
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 5"
    Then the exit code is 0
    And a queen-rbee, an rbee-hive and 1 llm-worker-rbee process of this scenario are running
    When I run "rbee-keeper daemon stop"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: queen-rbee at <queen-url> was not started by rbee-keeper; leaving it running (QUEEN_NOT_OWNED)"
    And a queen-rbee, an rbee-hive and 1 llm-worker-rbee process of this scenario are running
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # cli.md §5: the queen keeper starts with `daemon start` is keeper's to stop, with everything it started.
  Scenario: daemon start, a warm inference, daemon status and daemon stop
    When I run "rbee-keeper daemon start"
    Then the exit code is 0
    And stdout has a line matching "✅ queen-rbee 0\.1\.0 is running at <queen-url> \(pid \d+, log <rbee-home>/logs/queen-rbee\.log\)"
    And RBEE_HOME contains the file "queen-rbee.json"
    When I run "rbee-keeper daemon start"
    Then the exit code is 0
    And stdout is "✅ queen-rbee 0.1.0 is already running at <queen-url>"
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] Spawning a worker for demo:tiny on localhost"
    When I run "rbee-keeper infer --model demo:tiny --prompt again --max-tokens 3"
    Then the exit code is 0
    And stderr does not contain "Spawning a worker"
    When I run "rbee-keeper daemon status"
    Then the exit code is 0
    And stdout has a line matching "✅ queen-rbee 0\.1\.0 is running at <queen-url> \(started by rbee-keeper, pid \d+\)"
    When I run "rbee-keeper daemon stop"
    Then the exit code is 0
    And stdout is "✅ Stopped queen-rbee, 1 hive(s) and 1 worker(s)"
    And stderr contains the line "🛑 Stopping queen-rbee and everything it started..."
    And within 1 s nothing of this scenario is running
    When I run "rbee-keeper daemon status"
    Then the exit code is 1
    And stdout is "queen-rbee is not running at <queen-url>"
    And stderr contains the line "💡 Start it: rbee-keeper daemon start"
    When I run "rbee-keeper daemon stop"
    Then the exit code is 0
    And stdout is "queen-rbee is not running at <queen-url>"
