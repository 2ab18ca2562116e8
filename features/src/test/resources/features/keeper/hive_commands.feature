Feature: rbee-keeper hive start, status and stop

  # scenarios.md S119; the hive commands need a running queen (cli.md §4), which is never stopped by them
  Scenario: S119 Starting, checking and stopping a hive
    Given queen-rbee was started by the operator
    When I run "rbee-keeper hive start --node localhost"
    Then the exit code is 0
    And stdout is "✅ rbee-hive 0.1.0 is running on localhost at <hive-url> (local process)"
    And stderr contains the line "Starting rbee-hive on localhost..."
    When I run "rbee-keeper hive start --node localhost"
    Then the exit code is 0
    And stdout is "✅ rbee-hive is already running on localhost"
    When I run "rbee-keeper hive status --node localhost"
    Then the exit code is 0
    And stdout has a line matching "✅ rbee-hive 0\.1\.0 is running on localhost at <hive-url> \(local process\)"
    And stdout has a line matching "  cpu: available"
    And stdout has a line matching "  metal: not available \(.*macOS.*\)"
    And stdout has a line matching "  workers: 0"
    When I run "rbee-keeper hive stop --node localhost"
    Then the exit code is 0
    And stdout is "✅ rbee-hive on localhost stopped (0 worker(s) stopped)"
    And within 5 s no rbee-hive process of this scenario is left
    When I run "rbee-keeper hive status --node localhost"
    Then the exit code is 1
    And stdout is "rbee-hive is not running on localhost"
    When I run "rbee-keeper hive stop --node localhost"
    Then the exit code is 0
    And stdout is "rbee-hive is not running on localhost"
    When I run "rbee-keeper hive status --node localhost --json"
    Then the exit code is 1
    And stdout has a line matching "\{\"node\":\"localhost\",\"running\":false,\"state\":\"stopped\",.*\}"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S119 A stopped hive is started again by the next job, with its worker counted
    Given queen-rbee was started by the operator
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 2"
    Then the exit code is 0
    When I run "rbee-keeper hive status --node localhost"
    Then stdout has a line matching "  workers: 1"
    When I run "rbee-keeper hive stop --node localhost"
    Then the exit code is 0
    And stdout is "✅ rbee-hive on localhost stopped (1 worker(s) stopped)"
    And within 5 s no llm-worker-rbee process of this scenario is left
    When I run "rbee-keeper infer --model demo:tiny --prompt hi --max-tokens 2"
    Then the exit code is 0
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: The hive commands need a running queen and a known node
    When I run "rbee-keeper hive status --node localhost"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Cannot connect to queen-rbee at <queen-url> (QUEEN_UNREACHABLE)"
    And stderr contains the line "💡 Start it: rbee-keeper daemon start"
    Given queen-rbee was started by the operator
    When I run "rbee-keeper hive start --node nowhere"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Node 'nowhere' is not registered (NODE_NOT_FOUND)"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S148: a stopped or crashed hive takes its workers along; the next hive starts with none
  Scenario: S148 A hive restart leaves no orphans
    Given queen-rbee was started by the operator
    When I run "rbee-keeper worker start --model demo:tiny"
    And I run "rbee-keeper worker start --model demo:tiny"
    Then a queen-rbee, an rbee-hive and 2 llm-worker-rbee processes of this scenario are running
    When I run "rbee-keeper hive stop --node localhost"
    Then stdout is "✅ rbee-hive on localhost stopped (2 worker(s) stopped)"
    And within 5 s no llm-worker-rbee process of this scenario is left
    And within 2 s queen lists no worker on "localhost"
    And the first 2 worker ports are free
    When I run "rbee-keeper worker start --model demo:tiny"
    And I run "rbee-keeper worker start --model demo:tiny"
    Then a queen-rbee, an rbee-hive and 2 llm-worker-rbee processes of this scenario are running
    When rbee-hive is killed with SIGKILL
    Then within 10 s no llm-worker-rbee process of this scenario is left
    And within 2 s queen lists no worker on "localhost"
    And the first 2 worker ports are free
    When I run "rbee-keeper hive start --node localhost"
    Then the exit code is 0
    When I run "rbee-keeper hive status --node localhost"
    Then stdout has a line matching "  workers: 0"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
