Feature: SSH checks and host keys (scenarios.md §2)
  The node is an embedded SSH server on 127.0.0.1 (see node_registry.feature), so workstation.home.arpa:22 reads
  127.0.0.1:<ssh-port>. Commands run without a terminal unless a scenario says otherwise.

  Scenario: S013 An unknown host key needs explicit trust
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Host key of 127.0.0.1:<ssh-port> is not known (HOST_KEY_UNKNOWN)"
    And stderr contains the line "  Fingerprint: <fp>"
    And stderr contains the line "💡 Verify the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then re-run with --accept-host-key <fp>"
    And the SSH server saw no authentication attempt since then
    And the SSH server ran no command since then
    And beehives.db holds no node
    And queen's known_hosts does not exist
    When I run "rbee-keeper --json setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519"
    Then the exit code is 1
    And stderr is empty
    And stdout is a JSON error "HOST_KEY_UNKNOWN" whose details.fingerprint is "<fp>"
    And stdout is a JSON error "HOST_KEY_UNKNOWN" whose details.key_type is "ssh-ed25519"
    And stdout is a JSON error "HOST_KEY_UNKNOWN" whose details.known_hosts_path is "<rbee-home>/known_hosts"
    And the SSH server saw no authentication attempt since then
    And queen's known_hosts does not exist
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # The terminal is a pseudo-terminal made by util-linux script(1); the answer is typed ahead.
  Scenario: S014 Trusting a host key interactively or by flag
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And I note what the SSH server has seen so far
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --accept-host-key SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Host key of 127.0.0.1:<ssh-port> is <fp>, not the accepted SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA (HOST_KEY_UNKNOWN)"
    And the SSH server saw no authentication attempt since then
    And beehives.db holds no node
    And queen's known_hosts does not exist
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519" on a terminal, answering "n"
    Then the terminal command exited with 1
    And the terminal showed "The authenticity of host '127.0.0.1:<ssh-port>' can't be established."
    And the terminal showed "ED25519 key fingerprint is <fp>."
    And the terminal showed "Trust this host key and continue? [y/N] "
    And the terminal showed "[rbee-keeper] ❌ Error: Host key not trusted; nothing was changed (HOST_KEY_UNKNOWN)"
    And the SSH server saw no authentication attempt since then
    And beehives.db holds no node
    And queen's known_hosts does not exist
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519" on a terminal, answering "y"
    Then the terminal command exited with 0
    And the terminal showed "Trust this host key and continue? [y/N] "
    And the terminal showed "✅ SSH connection successful! Node 'workstation' saved to registry"
    And queen's known_hosts holds the SSH server's key
    And beehives.db holds exactly the node "workstation" with:
      | host_key_fingerprint | <fp> |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S015 A changed host key is a hard error
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    And the SSH server now offers another host key
    And I note what the SSH server has seen so far
    When I run "rbee-keeper setup add-node --name workstation-b --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --accept-host-key <new-fp>"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Host key of 127.0.0.1:<ssh-port> has changed; refusing to connect (HOST_KEY_MISMATCH)"
    And stderr contains the line "  Known: <fp>"
    And stderr contains the line "  Offered: <new-fp>"
    And stderr contains the line "  Someone may be intercepting the connection, or the host was reinstalled."
    And stderr contains the line "💡 If the host was reinstalled, delete its line from <rbee-home>/known_hosts and run the command again"
    When I run "rbee-keeper setup update-node --name workstation --accept-host-key <new-fp>"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Host key of 127.0.0.1:<ssh-port> has changed; refusing to connect (HOST_KEY_MISMATCH)"
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hi"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Host key of 127.0.0.1:<ssh-port> has changed; refusing to connect (HOST_KEY_MISMATCH)"
    And stderr contains the line "  Known: <fp>"
    And stderr contains the line "  Offered: <new-fp>"
    And the SSH server ran no command since then
    And the SSH server saw no authentication attempt since then
    And beehives.db holds exactly the node "workstation" with:
      | host_key_fingerprint | <fp> |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S016 Connection refused and unknown host
    Given queen-rbee was started by the operator
    And nothing listens on the node's SSH port
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519" and time it
    Then the exit code is 1
    And stderr contains the line "  ⏳ Attempt 1/3 failed: Connection refused"
    And stderr contains the line "  ⏳ Attempt 2/3 failed: Connection refused (delay 200ms)"
    And stderr contains the line "  ⏳ Attempt 3/3 failed: Connection refused (delay 400ms)"
    And stderr contains the line "[queen-rbee] ❌ Error: SSH connection to 127.0.0.1:<ssh-port> failed: Connection refused (SSH_CONNECTION_FAILED)"
    And stderr contains the line "💡 Check that sshd runs on 127.0.0.1 and listens on port <ssh-port>"
    And the command took less than 5.0 s
    When I run "rbee-keeper setup add-node --name workstation --ssh-host nonexistent.invalid --ssh-user ops --ssh-key ~/.ssh/id_ed25519"
    Then the exit code is 1
    And stderr contains the line "  ⏳ Attempt 1/3 failed: Unknown host"
    And stderr does not contain "Attempt 2/3"
    And stderr contains the line "[queen-rbee] ❌ Error: SSH connection to nonexistent.invalid:22 failed: Unknown host (SSH_CONNECTION_FAILED)"
    And beehives.db holds no node
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # The name-validation half; the install and hive-start half needs remote install (api.md §5.3).
  Scenario: S017 Registry fields cannot inject remote commands
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    When I run "rbee-keeper setup add-node --name 'work station;rm' --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --accept-host-key <fp>"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: 1 invalid field(s) (INVALID_REQUEST)"
    And stderr contains the line "  node_name must match [a-z0-9][a-z0-9-]{0,62}"
    And the SSH server saw no connection
    When I POST "{\"node_name\":\"Workstation\",\"ssh_host\":\"a b\",\"ssh_port\":70000,\"ssh_user\":\"1ops\",\"install_path\":\"rbee\",\"ssh_key_path\":\"/nonexistent/key\"}" to queen's "/v2/registry/beehives/add"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    And the answer lists the field errors "node_name:pattern([a-z0-9][a-z0-9-]{0,62}); ssh_host:pattern([^\s\x00]+); ssh_port:range(1,65535); ssh_user:pattern([A-Za-z_][A-Za-z0-9_.-]{0,31}); ssh_key_path:file_exists; install_path:pattern((/|~/|~$)[^\x00\n\r]*)"
    When I POST "{\"node_name\":" to queen's "/v2/registry/beehives/add"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    When I POST "{\"node_name\":5,\"ssh_host\":[],\"ssh_user\":\"ops\"}" to queen's "/v2/registry/beehives/add"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    When I POST "{\"node_name\":\"workstation\"}" to queen's "/v2/registry/beehives/update"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    And the answer's message is "Nothing to update"
    When I POST "{\"node_name\":\"workstation\",\"ssh_user\":\"ops\"}" to queen's "/v2/registry/beehives/update"
    Then the answer is 404 NODE_NOT_FOUND with an envelope from "queen-rbee"
    When I POST "{\"node_name\":\"localhost\",\"ssh_user\":\"ops\"}" to queen's "/v2/registry/beehives/update"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    And the answer's message is "The node 'localhost' is built in and cannot be changed or removed"
    When I POST "{\"node_name\":\"it's quoted\"}" to queen's "/v2/registry/beehives/remove"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    And the SSH server saw no connection
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
