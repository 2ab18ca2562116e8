Feature: rbee-keeper worker start and stop

  # cli.md §9 and api.md §5.4: spawn never reuses a worker; stop drains and the process exits
  Scenario: Starting two workers, then stopping them all
    Given queen-rbee was started by the operator
    When I run "rbee-keeper worker start --model demo:tiny --backend cpu"
    Then the exit code is 0
    And stdout has a line matching "✅ Worker worker-[0-9a-f]+ ready on localhost \(cpu:0, demo:tiny\) at http://127\.0\.0\.1:<first-worker-port>"
    And stderr contains the line "[queen-rbee] Starting rbee-hive on localhost"
    When I run "rbee-keeper worker start --model demo:tiny --backend cpu --json"
    Then the exit code is 0
    And stdout is JSON lines whose types end with "ready"
    And a queen-rbee, an rbee-hive and 2 llm-worker-rbee processes of this scenario are running
    When I run "rbee-keeper worker stop --all"
    Then the exit code is 0
    And stdout has a line matching "✅ Worker worker-[0-9a-f]+ on localhost is draining and will stop"
    And within 10 s no llm-worker-rbee process of this scenario is left
    When I run "rbee-keeper worker stop --all"
    Then the exit code is 0
    And stdout is "No workers to stop"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S030 on localhost (S030's cuda:1 on workstation needs a remote node)
  Scenario: S030 Stop a worker by hand, and the usage and unknown-id errors
    Given queen-rbee was started by the operator
    When I run "rbee-keeper worker start --model demo:tiny"
    Then the exit code is 0
    And I remember the worker id on stdout
    When I run "rbee-keeper worker stop --id <worker-id>"
    Then the exit code is 0
    And stdout is "✅ Worker <worker-id> on localhost is draining and will stop"
    And within 5 s no llm-worker-rbee process of this scenario is left
    And within 10 s queen lists no worker on "localhost"
    When I run "rbee-keeper worker stop --id worker-nope"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Worker 'worker-nope' not found (WORKER_NOT_FOUND)"
    And stderr contains the line "💡 List workers: rbee-keeper worker list"
    When I run "rbee-keeper worker stop --id worker-nope --all"
    Then the exit code is 1
    And stderr contains a line starting with "[rbee-keeper] ❌ Error: Give either --id"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: worker start checks its input before asking queen, and relays the hive's refusals
    When I run "rbee-keeper worker start --model gpt-4"
    Then the exit code is 1
    And stderr contains a line starting with "[rbee-keeper] ❌ Error: Invalid model reference 'gpt-4'"
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
    Given queen-rbee was started by the operator
    When I run "rbee-keeper worker start --model demo:tiny --backend metal"
    Then the exit code is 1
    And stderr contains a line starting with "[rbee-hive] ❌ Error: Backend 'metal' is not available on localhost."
    And stderr contains the line "💡 Try: --backend cpu"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S031
  Scenario: S031 Start a worker without a job
    Given queen-rbee was started by the operator
    When I run "rbee-keeper worker start --node localhost --model demo:tiny"
    Then the exit code is 0
    And stdout has a line matching "✅ Worker worker-[0-9a-f]+ ready on localhost \(cpu:0, demo:tiny\) at http://127\.0\.0\.1:<first-worker-port>"
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    And a queen-rbee, an rbee-hive and 1 llm-worker-rbee process of this scenario are running
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S086. "Exits within 2 s" includes the JVM's start, which alone can take seconds on a loaded
  # machine, so the limit is measured against rbee-keeper --version run just before.
  Scenario: S086 keeper retries connecting to queen
    Given I time "rbee-keeper --version" as the baseline
    When I run "rbee-keeper --queen-url http://127.0.0.1:<queen-port> worker list" and time it
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Cannot connect to queen-rbee at http://127.0.0.1:<queen-port> (QUEEN_UNREACHABLE)"
    And stderr contains the line "💡 Start it: rbee-keeper daemon start"
    And the command took at most 1500 ms longer than the baseline
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left
