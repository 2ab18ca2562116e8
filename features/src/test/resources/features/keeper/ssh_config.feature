Feature: config set-ssh and config import-ssh-config (cli.md §7)
  The node is an embedded SSH server on 127.0.0.1 (see registry/node_registry.feature), so workstation.home.arpa:22
  reads 127.0.0.1:<ssh-port>. keeper runs with a HOME of its own that holds the client key (~/.ssh/id_ed25519) and
  the OpenSSH config the scenario writes. Commands run without a terminal unless a step says otherwise.

  Scenario: config set-ssh adds a node, then updates it
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the SSH server also authorizes the client's key for user "rbee"
    When I run "rbee-keeper config set-ssh --node workstation --host 127.0.0.1 --port <ssh-port> --user ops --key ~/.ssh/id_ed25519 --accept-host-key <fp>"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] 🔌 Testing SSH connection to 127.0.0.1:<ssh-port> as ops..."
    And stdout is "✅ SSH settings for 'workstation' saved (added)"
    And stderr contains the line "💡 Next: rbee-keeper setup install --node workstation"
    And the SSH server ran queen's round-trip command as "ops"
    And beehives.db holds exactly the node "workstation" with:
      | ssh_host     | 127.0.0.1        |
      | ssh_port     | <ssh-port>       |
      | ssh_user     | ops              |
      | ssh_key_path | <key>            |
      | install_path | <node-home>/rbee |
    And queen's known_hosts holds the SSH server's key
    When I run "rbee-keeper --json config set-ssh --node workstation --user rbee"
    Then the exit code is 0
    And stderr is empty
    And stdout is a JSON document where "/action" is '"updated"'
    And stdout is a JSON document where "/node_name" is '"workstation"'
    And stdout is a JSON document where "/ssh_user" is '"rbee"'
    And stdout is a JSON document where "/changed" is '["ssh_user"]'
    And the SSH server ran queen's round-trip command as "rbee"
    And beehives.db holds exactly the node "workstation" with:
      | ssh_user | rbee       |
      | ssh_port | <ssh-port> |
    # the same settings again: nothing changes, and the answer is the same
    When I run "rbee-keeper config set-ssh --node workstation --user rbee"
    Then the exit code is 0
    And stdout is "✅ SSH settings for 'workstation' saved (updated)"
    When I run "rbee-keeper config set-ssh --node workstation"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Nothing to update: give at least one of --host, --port, --user, --key, --install-path (USAGE_ERROR)"
    When I run "rbee-keeper config set-ssh --node gpu-box --port <ssh-port> --user ops"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: Missing required option(s) for the new node 'gpu-box': '--host=<host>' (USAGE_ERROR)"
    When I run "rbee-keeper config set-ssh --node workstation --port 70000"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: --port must be between 1 and 65535, not 70000 (USAGE_ERROR)"
    When I run "rbee-keeper config set-ssh --node Bad_Name --host 127.0.0.1 --user ops"
    Then the exit code is 1
    And stderr contains a line starting with "[queen-rbee] ❌ Error: "
    And stderr contains a line starting with "  node_name"
    When I run "rbee-keeper config set-ssh --node localhost --user ops"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: The node 'localhost' is built in and cannot be changed or removed (INVALID_REQUEST)"
    And beehives.db holds exactly the node "workstation" with:
      | ssh_user | rbee |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # An Include (relative to ~/.ssh, with a glob) comes first; wildcard blocks fill in defaults and are skipped
  # themselves; hosts without User log in as the local user. queen knows the node's host key from workstation.
  Scenario: config import-ssh-config adds the concrete hosts of an OpenSSH config
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the SSH server also authorizes the client's key for user "rbee"
    And keeper's environment has USER "rbee"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    And the SSH config file "~/.ssh/config" holds:
      """
      # rbee scenario
      Include config.d/*.conf

      Host workstation gpu-box
          HostName 127.0.0.1
          Port <ssh-port>
      Host gpu-box
          User=ops
          IdentityFile "~/.ssh/id_ed25519"
      Host *.home.arpa !bastion
          User nobody
      Host Bad_Name
          HostName 127.0.0.1
      Host *
          IdentityFile ~/.ssh/id_ed25519
      """
    And the SSH config file "~/.ssh/config.d/lab.conf" holds:
      """
      HOST lab
        hostname 127.0.0.1
        PORT <ssh-port>
      """
    When I run "rbee-keeper config import-ssh-config"
    Then the exit code is 0
    And stderr contains the line "⚠️ Skipping 'workstation': already registered"
    And stderr contains the line "⚠️ Skipping '*.home.arpa': a pattern, not a single host"
    And stderr contains the line "⚠️ Skipping '!bastion': a pattern, not a single host"
    And stderr contains the line "⚠️ Skipping 'Bad_Name': not a valid node name ([a-z0-9][a-z0-9-]{0,62})"
    And stderr contains the line "⚠️ Skipping '*': a pattern, not a single host"
    And stderr contains the line "💡 Re-run with --yes to import them"
    And stdout has a line matching "^HOST +USER@HOST:PORT +KEY$"
    And stdout has a line matching "^lab +rbee@127\.0\.0\.1:<ssh-port> +~/\.ssh/id_ed25519$"
    And stdout has a line matching "^gpu-box +ops@127\.0\.0\.1:<ssh-port> +~/\.ssh/id_ed25519$"
    And stdout has 3 lines matching ".*"
    And beehives.db holds the nodes "workstation"
    When I run "rbee-keeper config import-ssh-config --host gpu-box" on a terminal, answering "n"
    Then the terminal command exited with 0
    And the terminal showed "Add node 'gpu-box' (ops@127.0.0.1:<ssh-port>, key ~/.ssh/id_ed25519)? [y/N] "
    And the terminal showed "Imported 0 of 1 host(s)"
    And beehives.db holds the nodes "workstation"
    When I run "rbee-keeper config import-ssh-config --yes"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] 🔌 Testing SSH connection to 127.0.0.1:<ssh-port> as rbee..."
    And stderr contains the line "[queen-rbee] 🔌 Testing SSH connection to 127.0.0.1:<ssh-port> as ops..."
    And stdout is "✅ Imported 'lab'\n✅ Imported 'gpu-box'\nImported 2 of 2 host(s)"
    And the SSH server ran queen's round-trip command as "rbee"
    And beehives.db holds the nodes "gpu-box,lab,workstation"
    And beehives.db holds the node "lab" with:
      | ssh_host     | 127.0.0.1  |
      | ssh_port     | <ssh-port> |
      | ssh_user     | rbee       |
      | ssh_key_path | <key>      |
      | status       | reachable  |
    And beehives.db holds the node "gpu-box" with:
      | ssh_user     | ops              |
      | ssh_key_path | <key>            |
      | install_path | <node-home>/rbee |
    When I run "rbee-keeper --json config import-ssh-config --yes"
    Then the exit code is 0
    And stderr is empty
    And stdout is a JSON document where "/imported" has 0 entries
    And stdout is a JSON document where "/failed" has 0 entries
    And stdout is a JSON document where "/skipped" has 7 entries
    And stdout is a JSON document where "/skipped/0" is '{"host":"lab","reason":"already registered"}'
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: config import-ssh-config reports each host that fails and exits 1
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    And the SSH config file "~/my configs/odd hosts.conf" holds:
      """
      Host broken
        HostName 127.0.0.1
        Port <ssh-port>
        User nobody
        IdentityFile ~/.ssh/id_ed25519
      Host badport
        Port ssh
      Host nokey
        HostName 127.0.0.1
        Port <ssh-port>
        User ops
        IdentityFile "~/.ssh/missing key"
      """
    When I run "rbee-keeper config import-ssh-config --file '~/my configs/odd hosts.conf' --yes"
    Then the exit code is 1
    And stderr contains the line "⚠️ Skipping 'badport': Port 'ssh' is not a number from 1 to 65535"
    And stderr contains the line "[queen-rbee] ❌ Error: Permission denied (publickey) for nobody@127.0.0.1 using <key> (SSH_AUTH_FAILED)"
    And stdout has a line matching "^❌ 'broken': Permission denied \(publickey\) for nobody@127\.0\.0\.1 using <key> \(SSH_AUTH_FAILED\)$"
    And stdout has a line matching "^❌ 'nokey': SSH key not found: /\S+/\.ssh/missing key \(SSH_KEY_NOT_FOUND\)$"
    And stdout ends with "Imported 0 of 2 host(s)"
    And beehives.db holds the nodes "workstation"
    When I run "rbee-keeper --json config import-ssh-config --file '~/my configs/odd hosts.conf' --host broken --yes"
    Then the exit code is 1
    And stderr is empty
    And stdout is a JSON document where "/imported" has 0 entries
    And stdout is a JSON document where "/failed/0/host" is '"broken"'
    And stdout is a JSON document where "/failed/0/error/code" is '"SSH_AUTH_FAILED"'
    When I run "rbee-keeper config import-ssh-config --file '~/my configs/odd hosts.conf' --host nope"
    Then the exit code is 1
    And stderr has a line matching "^\[rbee-keeper\] ❌ Error: No Host 'nope' in /\S+/my configs/odd hosts\.conf \(USAGE_ERROR\)$"
    When I run "rbee-keeper config import-ssh-config --file /nonexistent/ssh_config"
    Then the exit code is 1
    And stderr contains the line "[rbee-keeper] ❌ Error: SSH config not found: /nonexistent/ssh_config (USAGE_ERROR)"
    And beehives.db holds the nodes "workstation"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
