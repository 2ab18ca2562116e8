Feature: Hives started over SSH on registered nodes (scenarios.md §2, §18, §19)
  The node is the embedded SSH server on 127.0.0.1; an installation there is a copy of bin/ whose lib/ links to the
  built jars, and commands run as a node user get RBEE_HOME <rbee-home>/node-<user> (the node's own home, found by
  the leak check). The node's hive listens on a free port, <node-hive-port>, not 9200. <node-fs> stands for the node's
  root file system, so S131's /opt/rbee reads <node-fs>/opt/rbee.

  Scenario: S018 A remote hive is started over SSH, detached, with the secret off its command line
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I note the time
    And I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    And the SSH server ran a command containing "'<node-home>/rbee/bin/rbee-hive' 'daemon' '--bind' '127.0.0.1' '--port' '<node-hive-port>' '--node-name' 'workstation' '--queen-url' '<queen-url>' '--secret-stdin'"
    And the hive at "http://127.0.0.1:<node-hive-port>" answers alive
    And the hive of user "ops" runs with --secret-stdin and the cluster secret is not in its cmdline or environ
    And beehives.db says "workstation" is reachable, last connected after I noted the time
    When the SSH server ends every session
    Then 7 s later the hive at "http://127.0.0.1:<node-hive-port>" still answers alive
    And queen's worker list for "workstation" answers 200 with '{"workers":[]}'
    When I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running

  Scenario: S012 SSH preflight on first contact
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    And within 5 s queen-rbee.log has the preflight lines of "workstation" in order
    And the SSH server ran a command starting with "'echo' 'rbee-preflight'"
    And the SSH server ran a command starting with "'<node-home>/rbee/bin/rbee-hive' '--version'"
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running

  # The fault proxy: every answer of the SSH server reaches queen 150 ms late, so the echo round trip takes ≥ 150 ms.
  Scenario: S012 SSH preflight on first contact: high latency is a warning, and the hive still starts
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And the node's SSH port is reached through a proxy that delays every answer by 150 ms
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    And within 5 s the log "queen-rbee.log" has a line matching "⚠️ SSH latency to workstation is (1[5-9]\d|[2-9]\d\d|\d{4,}) ms \(above 100 ms\)"
    And within 5 s queen-rbee.log has the preflight lines of "workstation" in order
    And the hive at "http://127.0.0.1:<node-hive-port>" answers alive
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running

  Scenario: S131 Each node's install path decides which hive binary runs
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the SSH server also authorizes the client's key for user "lab"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And rbee is installed on the node for user "lab" at "<node-fs>/opt/rbee"
    And a free port as <node-hive-port>
    And a free port as <lab-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    And "lab" was added through queen as user "lab" with install path "<node-fs>/opt/rbee" and hive port "<lab-hive-port>"
    When I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    When I run "rbee-keeper hive start --node lab"
    Then the exit code is 0
    And the SSH server ran a command containing "'<node-home>/rbee/bin/rbee-hive' 'daemon'"
    And the SSH server ran a command containing "'<node-fs>/opt/rbee/bin/rbee-hive' 'daemon'"
    And every rbee-hive the SSH server ran is named by a full path
    And the hive at "http://127.0.0.1:<node-hive-port>" answers alive
    And the hive at "http://127.0.0.1:<lab-hive-port>" answers alive
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running

  Scenario: Starting, checking and stopping the hive of a registered node
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper hive status --node workstation"
    Then the exit code is 1
    And stdout is "rbee-hive is not running on workstation"
    When I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    And stdout is "✅ rbee-hive 0.1.0 is running on workstation at http://127.0.0.1:<node-hive-port>"
    When I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    And stdout is "✅ rbee-hive is already running on workstation"
    When I run "rbee-keeper hive status --node workstation"
    Then the exit code is 0
    And stdout has a line matching "  workers: 0"
    When I run "rbee-keeper hive status --node workstation --json"
    Then the exit code is 0
    And stdout's JSON "/last_heartbeat_at" is a time within the last 10 s
    When I run "rbee-keeper hive stop --node workstation"
    Then the exit code is 0
    And stdout is "✅ rbee-hive on workstation stopped (0 worker(s) stopped)"
    And within 5 s no rbee-hive process of this scenario is left
    When I run "rbee-keeper hive stop --node workstation"
    Then the exit code is 0
    And stdout is "rbee-hive is not running on workstation"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # The remote part of S120: the cascade stops the hive over HTTP well before its 15 s lease could end it.
  Scenario: S120 SIGTERM to queen also stops a hive started over SSH, and its worker
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper worker start --node workstation --model demo:tiny"
    Then the exit code is 0
    When I run "rbee-keeper worker start --node localhost --model demo:tiny"
    Then the exit code is 0
    When queen-rbee receives SIGTERM
    Then within 8 s nothing of this scenario is running
    And the operator's queen-rbee exited with code 0
    And the log "queen-rbee.log" contains "rbee-hive on workstation stopped (1 worker(s))"
    And beehives.db holds exactly the node "workstation" with:
      | status | reachable |

  Scenario: S123 Killing queen with -9 ends a remote hive too
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper worker start --node workstation --model demo:tiny"
    Then the exit code is 0
    When queen-rbee is killed with SIGKILL
    Then within 20 s nothing of this scenario is running
    And within 1 s the node log "rbee-hive.log" of user "ops" has a line containing "Lost contact with queen-rbee for 15 s"

  # 192.0.2.1 (TEST-NET-1) is no address of the node, so the real hive cannot bind it and exits; queen sees the
  # process gone (kill -0 over SSH every 2 s) and fails at once instead of polling for 60 s.
  Scenario: A hive that exits during its start fails the start with the end of its log
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee", hive port "<node-hive-port>" and hive bind "192.0.2.1"
    When I run "rbee-keeper hive start --node workstation" and time it
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: rbee-hive on workstation exited before it became healthy (HIVE_START_FAILED)"
    And stderr has a line matching ".*192\.0\.2\.1.*"
    And the command took less than 30 s
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S007 Removing a node stops its hive started over SSH first
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper worker start --node workstation --model demo:tiny"
    Then the exit code is 0
    When I run "rbee-keeper setup remove-node --name workstation"
    Then the exit code is 0
    And stdout is "✅ Node 'workstation' removed from registry (its rbee-hive was stopped)"
    And within 5 s no rbee-hive process of this scenario is left
    And within 5 s no llm-worker-rbee process of this scenario is left
    And beehives.db holds no node
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # api.md §5.7: a registered node's logs are relayed from its running hive; a stopped hive's files are read on the
  # node over SSH (no file yet: no lines), and only --follow needs the hive running.
  Scenario: Logs of a node's hive through queen
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper logs --node workstation"
    Then the exit code is 0
    And stdout has 0 lines matching ".*"
    When I run "rbee-keeper logs --node elsewhere"
    Then the exit code is 1
    And stderr has a line matching ".*Node 'elsewhere' is not registered.*NODE_NOT_FOUND.*"
    When I run "rbee-keeper hive start --node workstation"
    Then the exit code is 0
    When I run "rbee-keeper logs --node workstation --lines 5 --json"
    Then the exit code is 0
    And stdout has JSON log lines from "rbee-hive" on "workstation", each a line of "<node-rbee-home-ops>/logs/rbee-hive.log"
    When I run "rbee-keeper hive stop --node workstation"
    Then the exit code is 0
    When I run "rbee-keeper logs --node workstation --lines 3 --json"
    Then the exit code is 0
    And stdout has 3 JSON log lines from "rbee-hive" on "workstation", the last 3 lines of "<node-rbee-home-ops>/logs/rbee-hive.log"
    When I run "rbee-keeper logs --node workstation --follow"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: rbee-hive is not running on workstation (HIVE_NOT_RUNNING)"
    And stderr contains the line "💡 Start it: rbee-keeper hive start --node workstation"
    When I GET "/v2/logs?node=workstation&worker=worker-ffff" from queen
    Then queen answers 404 WORKER_NOT_FOUND
    When I GET "/v2/logs?node=workstation&worker=..%2Fqueen-rbee" from queen
    Then queen answers 404 WORKER_NOT_FOUND
    When queen-rbee receives SIGTERM
    Then within 15 s nothing of this scenario is running
