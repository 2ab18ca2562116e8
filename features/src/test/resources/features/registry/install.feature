Feature: Installing rbee on a node (scenarios.md S005, §19)
  Queen copies its own distribution (bin/ and the jars) to the node by SFTP, into <install_path>.tmp-<hex>, and
  renames it onto the install path. The node is the embedded SSH server on 127.0.0.1: workstation.home.arpa:22 reads
  127.0.0.1:<ssh-port>, /home/ops reads <node-home>, and the node's /opt reads <node-root>/opt. Its commands run on
  this machine, whose Java 25 is Temurin; the spec's "Java 21" is this machine's Java 17 (the rule is "not 25").

  Scenario: S005 Install rbee on a remote node over SFTP
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    And the node's SSH commands find Java 25 first on PATH
    When I run "rbee-keeper setup install --node workstation" and time it
    Then the exit code is 0
    And the command took less than 60 s
    And stderr contains the line "[queen-rbee] 🔌 Connecting to ops@127.0.0.1:<ssh-port>"
    And stderr contains a line starting with "[queen-rbee] ☕ Checking Java 25 on workstation... found 25."
    And stderr contains a line starting with "Copying rbee 0.1.0 to <node-home>/rbee [████████████████████] 100% "
    And stderr contains the line "[queen-rbee] 🔍 rbee-hive --version: 0.1.0"
    And stdout is "✅ rbee 0.1.0 installed on workstation at <node-home>/rbee"
    And "<node-home>/rbee" has the same SHA-256 files as the local distribution
    And "<node-home>/rbee/bin/rbee-hive" is executable
    And "<node-home>/rbee/bin/llm-worker-rbee" is executable
    And "<node-home>" holds no temporary copy
    And the SSH server's command log shows no git or build tool
    And beehives.db holds exactly the node "workstation" with:
      | install_path      | <node-home>/rbee |
      | installed_version | 0.1.0            |
    # Installing again replaces the tree; --json prints the install events as JSON Lines.
    When I run "rbee-keeper setup install --node workstation --json"
    Then the exit code is 0
    And stdout is JSON lines whose types end with "progress, narration, complete"
    And "<node-home>/rbee" has the same SHA-256 files as the local distribution
    And "<node-home>" holds no temporary copy
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # Ctrl+C during the copy: queen aborts it and removes the temporary directory; the install path never appears.
  Scenario: S127 Install to the default path
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the node's SSH commands find Java 25 first on PATH
    When I run "rbee-keeper setup add-node --name workstation --ssh-host 127.0.0.1 --ssh-port <ssh-port> --ssh-user ops --ssh-key ~/.ssh/id_ed25519 --accept-host-key <fp>"
    Then the exit code is 0
    When I start "rbee-keeper setup install --node workstation"
    And within 30 s a temporary copy of "<node-home>/rbee" holds a jar
    And rbee-keeper receives SIGINT
    Then within 10 s the command ends with exit code 130
    And stderr contains the line "🛑 Install aborted; run it again to start over"
    And within 5 s "<node-home>" holds no temporary copy
    And "<node-home>/rbee" does not exist
    When I run "rbee-keeper setup install --node workstation"
    Then the exit code is 0
    And stdout is "✅ rbee 0.1.0 installed on workstation at <node-home>/rbee"
    And "<node-home>/rbee" has the same SHA-256 files as the local distribution
    And beehives.db holds exactly the node "workstation" with:
      | install_path      | <node-home>/rbee |
      | installed_version | 0.1.0            |
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # As root (CI) a mode cannot stop writes: the step mounts a read-only tmpfs on the folder instead.
  Scenario: S128 Install to a system path
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the node's SSH commands find Java 25 first on PATH
    And the node user cannot write "<node-root>/opt"
    And "workstation" was added through queen as user "ops" with install path "<node-root>/opt/rbee"
    When I run "rbee-keeper setup install --node workstation"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Installation on workstation failed: Permission denied: <node-root>/opt/rbee (INSTALL_FAILED)"
    And stderr contains the line "💡 Re-run: rbee-keeper setup install --node workstation"
    And "<node-root>/opt/rbee" does not exist
    When the node user can write "<node-root>/opt" again
    And I run "rbee-keeper setup install --node workstation"
    Then the exit code is 0
    And stdout is "✅ rbee 0.1.0 installed on workstation at <node-root>/opt/rbee"
    And "<node-root>/opt/rbee" has the same SHA-256 files as the local distribution
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  Scenario: S129 Java 25 is missing on the node
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And "workstation" was added through queen as user "ops" with install path "~/rbee"
    And the node's SSH commands have a PATH without java
    When I run "rbee-keeper setup install --node workstation"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Java 25 not found on workstation (java -version: command not found) (JAVA_NOT_FOUND)"
    And stderr contains the line "💡 Install a Java 25 runtime on workstation (for example Eclipse Temurin 25) so that 'java -version' reports 25 for user ops"
    And "<node-home>/rbee" does not exist
    And "<node-home>" holds no temporary copy
    When the node's SSH commands find Java 17 first on PATH
    And I run "rbee-keeper setup install --node workstation"
    Then the exit code is 1
    And stderr contains a line starting with "[queen-rbee] ❌ Error: Java 25 not found on workstation (java -version: openjdk version \"17."
    And "<node-home>/rbee" does not exist
    And "<node-home>" holds no temporary copy
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # Queen does not start remote hives yet, so the scenario starts the installed rbee-hive on the node's hive port
  # with queen's cluster secret, as queen would; reinstalling asks it to shut down before any file is replaced.
  Scenario: S132 Reinstalling stops the running hive first
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the node's SSH commands find Java 25 first on PATH
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and a free hive port
    When I run "rbee-keeper setup install --node workstation"
    Then the exit code is 0
    And stderr does not contain "Stopping rbee-hive"
    Given the installed rbee-hive in "<node-home>/rbee" runs at the node's hive port
    When I run "rbee-keeper setup install --node workstation"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] 🛑 Stopping rbee-hive on workstation before installing"
    And within 5 s the node's hive has exited
    And stdout is "✅ rbee 0.1.0 installed on workstation at <node-home>/rbee"
    And "<node-home>/rbee" has the same SHA-256 files as the local distribution
    And "<node-home>" holds no temporary copy
    When I run "rbee-keeper setup install --node localhost"
    Then the exit code is 0
    And stdout is "✅ localhost uses this machine's installation; nothing to install"
    # queen's own answers before any stream: localhost 400, unknown 404, a body that is not JSON 400
    When I POST "" to queen's "/v2/nodes/localhost/install"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    And the answer's message is "The node 'localhost' is built in and cannot be changed or removed"
    When I POST "" to queen's "/v2/nodes/nowhere/install"
    Then the answer is 404 NODE_NOT_FOUND with an envelope from "queen-rbee"
    When I POST "{not json" to queen's "/v2/nodes/workstation/install"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    When I POST "{\"accept_host_key\":[\"x\"]}" to queen's "/v2/nodes/workstation/install"
    Then the answer is 400 INVALID_REQUEST with an envelope from "queen-rbee"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # The node's parent folder of the install path is a 64 MiB tmpfs with 32 MiB taken: the copy hits a real ENOSPC.
  Scenario: S133 The disk fills up during install
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And the node's SSH commands find Java 25 first on PATH
    And "<node-root>/small" is a 64 MiB tmpfs already holding 32 MiB
    And "workstation" was added through queen as user "ops" with install path "<node-root>/small/rbee"
    Then the local distribution is smaller than 64 MiB but larger than the free space of "<node-root>/small"
    When I note the free space of "<node-root>/small"
    And I run "rbee-keeper setup install --node workstation"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Installation on workstation failed: No space left on device (INSTALL_FAILED)"
    And stderr contains the line "💡 Re-run: rbee-keeper setup install --node workstation"
    And "<node-root>/small" holds no temporary copy
    And "<node-root>/small/rbee" does not exist
    And the free space of "<node-root>/small" is as noted
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
