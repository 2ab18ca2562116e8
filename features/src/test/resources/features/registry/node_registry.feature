Feature: Node registry and setup (scenarios.md §1)
  The node is an embedded SSH server on 127.0.0.1 (scenarios.md "Example values": in a test, workstation is a node
  with ssh_host 127.0.0.1 whose SSH port belongs to the embedded server), so the spec's workstation.home.arpa:22
  reads 127.0.0.1:<ssh-port> here and /home/ops reads <node-home>.

  Scenario: S001 Add a remote node to the registry
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --install-path ~/rbee --accept-host-key <fp>"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] 🔌 Testing SSH connection to 127.0.0.1:<ssh-port> as ops..."
    And stdout is "✅ SSH connection successful! Node 'workstation' saved to registry"
    And stderr contains the line "💡 Next: rbee-keeper setup install --node workstation"
    And the SSH server ran queen's round-trip command as "ops"
    And beehives.db holds exactly the node "workstation" with:
      | ssh_host     | 127.0.0.1       |
      | ssh_port     | <ssh-port>      |
      | ssh_user     | ops             |
      | ssh_key_path | <key>           |
      | install_path | <node-home>/rbee |
      | status       | reachable       |
      | host_key_fingerprint | <fp>    |
    And its last_connected_unix lies within this scenario
    And beehives.db has the schema version 1
    And queen's known_hosts holds the SSH server's key
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # The spec's timing: 3 attempts of 10 s, 200 ms and 400 ms apart; the whole command takes 30.6–33 s.
  Scenario: S002 SSH connection timeout: three attempts, nothing saved
    Given queen-rbee was started by the operator
    And the node's SSH address is a silent listener
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519" and time it
    Then the exit code is 1
    And stderr contains the line "  ⏳ Attempt 1/3 failed: Connection timeout"
    And stderr contains the line "  ⏳ Attempt 2/3 failed: Connection timeout (delay 200ms)"
    And stderr contains the line "  ⏳ Attempt 3/3 failed: Connection timeout (delay 400ms)"
    And stderr contains the line "[queen-rbee] ❌ Error: SSH connection to 127.0.0.1:<ssh-port> failed after 3 attempts (CONNECTION_TIMEOUT)"
    And stderr contains the line "💡 Check network connectivity: ping 127.0.0.1"
    And the command took between 30.6 and 33 s
    And the silent listener accepted 3 connections
    And beehives.db holds no node
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S003 SSH authentication failure
    Given queen-rbee was started by the operator
    And an SSH server acting as the node that does not authorize the client's key for user "ops"
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --accept-host-key <fp>"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Permission denied (publickey) for ops@127.0.0.1 using <key> (SSH_AUTH_FAILED)"
    And stderr contains the line "💡 Fix key permissions: chmod 600 <key>"
    And stderr contains the line "💡 Authorize the key: ssh-copy-id -i <key>.pub ops@127.0.0.1"
    And stderr contains the line "💡 Check loaded agent keys: ssh-add -l"
    And the SSH server refused an authentication attempt by "ops"
    And beehives.db holds no node
    When the client's key file has mode 0644
    And I note what the SSH server has seen so far
    And I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --accept-host-key <fp>"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Permission denied (publickey) for ops@127.0.0.1 using <key> (SSH_AUTH_FAILED)"
    And stderr contains the line "  Permissions 0644 for '<key>' are too open"
    And stderr contains a line starting with "💡 Fix key permissions: chmod 600 <key>"
    And the SSH server saw no authentication attempt since then
    And beehives.db holds no node
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # The hive is looked for over SSH before anything is started there; only read-only commands reach the node.
  Scenario: S004 Node is reachable but rbee is not installed there
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hi"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: rbee-hive not found in <node-home>/rbee on workstation (HIVE_NOT_INSTALLED)"
    And stderr contains the line "💡 Install it: rbee-keeper setup install --node workstation"
    And the SSH server ran exactly the commands "echo rbee-ssh-ok; printf '%s\n' \"$HOME\"; uname -sm" and "'test' '-x' '<node-home>/rbee/bin/rbee-hive'"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # Backends stay empty until the node's hive reports (remote hives are not started yet), so BACKENDS shows "-".
  Scenario: S006 List registered nodes
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    When I run "rbee-keeper setup list-nodes"
    Then the exit code is 0
    And stdout has a line matching "NODE +SSH +INSTALL PATH +STATUS +BACKENDS +LAST CONNECTED"
    And stdout has a line matching "localhost +\(local\) +\S+ +reachable +\S+ +-"
    And stdout has a line matching "workstation +ops@127\.0\.0\.1:<ssh-port> +<node-home>/rbee +reachable +- +\d{4}-\d\d-\d\d \d\d:\d\d"
    And stderr does not contain "Add a machine"
    When I run "rbee-keeper --json setup list-nodes"
    Then the exit code is 0
    And stdout's JSON lists the nodes "localhost,workstation"
    And stdout's JSON node "workstation" has ssh_host equal to "\"127.0.0.1\""
    And stdout's JSON node "workstation" has ssh_port equal to "<ssh-port>"
    And stdout's JSON node "workstation" has install_path equal to "\"<node-home>/rbee\""
    And stdout's JSON node "workstation" has backends equal to "[]"
    And stdout's JSON node "workstation" has devices equal to "{}"
    And stdout's JSON node "localhost" has ssh_host equal to "null"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S007 Remove a node
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    When I run "rbee-keeper setup remove-node --name workstation"
    Then the exit code is 0
    And stdout is "✅ Node 'workstation' removed from registry"
    And beehives.db holds no node
    And queen's known_hosts holds the SSH server's key
    When I run "rbee-keeper setup remove-node --name workstation"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Node 'workstation' is not registered (NODE_NOT_FOUND)"
    When I run "rbee-keeper setup remove-node --name localhost"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: The node 'localhost' is built in and cannot be changed or removed (INVALID_REQUEST)"
    When I run "rbee-keeper --json setup remove-node --name workstation"
    Then the exit code is 1
    And stderr is empty
    And stdout is a JSON error "NODE_NOT_FOUND" whose details.node is "workstation"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S008 An SSH key path that does not exist is rejected locally
    Given a fresh RBEE_HOME and no queen-rbee answering on a loopback queen URL
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-user ops --ssh-key /nonexistent/key" and time it
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: SSH key not found: /nonexistent/key (SSH_KEY_NOT_FOUND)"
    And stderr contains the line "💡 Check the path, or omit --ssh-key to use ssh-agent and ~/.ssh/id_ed25519"
    And stderr does not contain "Starting queen-rbee"
    And the command took less than 5.0 s
    And beehives.db does not exist
    And no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left

  Scenario: S009 Duplicate node names are refused
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    And I note what the SSH server has seen so far
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user root --ssh-key ~/.ssh/id_ed25519"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Node 'workstation' already exists in registry (NODE_ALREADY_EXISTS)"
    And stderr contains the line "💡 Change it: rbee-keeper setup update-node --name workstation ..."
    And stderr contains the line "💡 Or remove it first: rbee-keeper setup remove-node --name workstation"
    And the SSH server saw no authentication attempt since then
    And beehives.db holds exactly the node "workstation" with:
      | ssh_user | ops |
    When I run "rbee-keeper setup add-node --name localhost --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user root"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: 'localhost' is the built-in local node (NODE_ALREADY_EXISTS)"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S011 Update a node's SSH settings
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the SSH server also authorizes the client's key for user "rbee"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    When I run "rbee-keeper setup update-node --name workstation --ssh-user rbee"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] 🔌 Testing SSH connection to 127.0.0.1:<ssh-port> as rbee..."
    And stdout is "✅ Node 'workstation' updated (ssh_user)"
    And the SSH server ran queen's round-trip command as "rbee"
    And beehives.db holds exactly the node "workstation" with:
      | ssh_user | rbee |
    When I run "rbee-keeper setup update-node --name workstation"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Nothing to update: give at least one of --ssh-host, --ssh-port, --ssh-user, --ssh-key, --install-path (USAGE_ERROR)"
    When I run "rbee-keeper setup update-node --name workstation --ssh-user nobody"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Permission denied (publickey) for nobody@127.0.0.1 using <key> (SSH_AUTH_FAILED)"
    And beehives.db holds exactly the node "workstation" with:
      | ssh_user | rbee |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # api.md §5.7: registry changes reach /v2/events watchers; the snapshot lists the registry's nodes
  Scenario: Registry changes are cluster events
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    When watcher A opens queen's event stream
    And I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --accept-host-key <fp>"
    Then the exit code is 0
    When watcher B opens queen's event stream
    Then watcher B's snapshot lists the nodes "localhost, workstation"
    When I run "rbee-keeper setup update-node --name workstation --install-path ~/rbee2"
    Then the exit code is 0
    When I run "rbee-keeper setup remove-node --name workstation"
    Then the exit code is 0
    And within 5 s watcher A has seen, in this order, "node added; node updated; node removed"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # cli.md §7: config list-nodes shows the SSH settings; config remove-node is setup remove-node
  Scenario: config list-nodes and config remove-node
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    When I run "rbee-keeper config list-nodes"
    Then the exit code is 0
    And stdout has a line matching "^NODE +USER@HOST:PORT +KEY +INSTALL PATH$"
    And stdout has a line matching "^localhost +\(local\) +- +\S+$"
    And stdout has a line matching "^workstation +ops@127\.0\.0\.1:<ssh-port> +<key> +<node-home>/rbee$"
    When I run "rbee-keeper config remove-node --node workstation"
    Then the exit code is 0
    And stdout is "✅ Node 'workstation' removed from registry"
    And beehives.db holds no node
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
