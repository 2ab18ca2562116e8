Feature: Cascading shutdown: nothing queen started outlives it

  # scenarios.md S120, for the local node (the hive over SSH arrives with the queen issue).
  Scenario: S120 SIGTERM to queen shuts everything down
    Given queen-rbee was started by the operator
    And a copy of the demo model at "<rbee-home>/my models/tiny 'copy'.gguf"
    And an idle worker for "demo:tiny" runs on localhost
    And an idle worker for "file:<rbee-home>/my models/tiny 'copy'.gguf" runs on localhost
    And a queen-rbee, an rbee-hive and 2 llm-worker-rbee processes of this scenario are running
    When queen-rbee receives SIGTERM
    Then within 5 s no llm-worker-rbee process of this scenario is left
    And within 10 s no rbee-hive process of this scenario is left
    And the operator's queen-rbee exited with code 0
    And the queen, hive and first worker ports are free
    And the log "rbee-hive.log" contains "Shutting down 2 worker(s)"

  # scenarios.md S122, with the busy job streaming to a keeper: the lease (15 s) ends the hive, not a signal.
  Scenario: S122 Killing queen with -9 ends the local hive through the lease
    Given the worker takes 200 ms per token
    And queen-rbee was started by the operator
    And a copy of the demo model at "<rbee-home>/second.gguf"
    And an idle worker for "file:<rbee-home>/second.gguf" runs on localhost
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 500"
    And stdout has received 3 characters
    And queen-rbee is killed with SIGKILL
    Then within 20 s nothing of this scenario is running
    And the log "rbee-hive.log" contains "Lost contact with queen-rbee for 15 s; stopping 2 worker(s) and exiting"

  # scenarios.md S124
  Scenario: S124 Killing a hive with -9 ends its workers through their stdin
    Given queen-rbee was started by the operator
    And a copy of the demo model at "<rbee-home>/second.gguf"
    And an idle worker for "demo:tiny" runs on localhost
    And an idle worker for "file:<rbee-home>/second.gguf" runs on localhost
    When rbee-hive is killed with SIGKILL
    Then within 2 s no llm-worker-rbee process of this scenario is left
    And within 15 s queen lists no worker on "localhost"
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] Starting rbee-hive on localhost"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S125
  Scenario: S125 Killing keeper with -9 ends its ephemeral queen
    Given the worker takes 200 ms per token
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 500"
    And stdout has received 3 characters
    And rbee-keeper is killed with SIGKILL
    Then within 10 s nothing of this scenario is running
    And the log "queen-rbee.log" contains "stdin closed: rbee-keeper is gone"

  # scenarios.md S126. The operator's queen is persistent, so its hive does not watch queen's stdin and outlives the
  # crash on its 15 s lease (S122); the restarted queen adopts it from its first heartbeat. The heartbeat line gives
  # the time without contact, which must be under the lease; 20 s after the kill the same hive process still runs.
  Scenario: S126 A restarted queen gets its hives back
    Given queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the id of queen's only worker as <worker-id>
    And I note the cluster secret and the pid of the rbee-hive
    When queen-rbee is killed with SIGKILL and started again 3 s later on the same port and RBEE_HOME
    Then within 10 s "rbee-keeper worker list" prints a line containing "<worker-id>"
    And within 5 s the log "rbee-hive.log" has a line matching "Heartbeat accepted by queen-rbee again after \d+ failed attempt\(s\), ([0-9]{1,4}|1[0-4][0-9]{3}) ms without contact"
    And the cluster secret is the one noted
    And within 5 s the log "queen-rbee.log" has a line matching "Adopted rbee-hive on localhost at <hive-url> \(pid \d+\)"
    When I run "rbee-keeper infer --model demo:tiny --prompt again --max-tokens 3"
    Then the exit code is 0
    And stderr does not contain "Spawning a worker"
    And the log "rbee-hive.log" contains "Spawning a worker for demo:tiny" 1 time
    And 20 s after the kill the noted rbee-hive is still running
    And the log "rbee-hive.log" does not contain "Lost contact with queen-rbee"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
    And the operator's queen-rbee exited with code 0
    And the log "rbee-hive.log" contains "Shutting down 1 worker(s)"

  # scenarios.md S121, the API half: queen answers after the cascade (no worker is left, every hive has answered and
  # closed its port) and before it exits.
  # The grace is the real 30 s: the stuck worker's hive force-kills it 30 s after it asked it to stop.
  Scenario: S121 Shutdown over the API reports what it stopped
    Given queen-rbee was started by the operator
    And an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    And 2 workers for "demo:tiny" were started on "workstation" and 2 on "localhost"
    And the first worker on "workstation" receives SIGSTOP, remembered as <stuck-worker>
    When I send POST /v2/shutdown to queen
    Then the shutdown answer is 200 '{"hives":2,"workers":4,"force_killed":[{"node":"workstation","process":"<stuck-worker>"}]}'
    And when the shutdown answer came, no llm-worker-rbee process of this scenario was left and queen-rbee ran
    And the node log "rbee-hive.log" of user "ops" has "force-killing <stuck-worker>" 30 s (±1 s) after "Shutting down <stuck-worker>..."
    And within 5 s nothing of this scenario is running
    And the operator's queen-rbee exited with code 0

  # scenarios.md S121, the keeper half: `daemon stop` of a queen keeper started prints what the answer reported.
  Scenario: S121 rbee-keeper daemon stop reports the force-killed worker
    When I run "rbee-keeper daemon start"
    Then the exit code is 0
    Given an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    And 2 workers for "demo:tiny" were started on "workstation" and 2 on "localhost"
    And the first worker on "workstation" receives SIGSTOP, remembered as <stuck-worker>
    When I run "rbee-keeper daemon stop"
    Then the exit code is 0
    And stdout is "✅ Stopped queen-rbee, 2 hive(s) and 4 worker(s)"
    And stderr contains the line "⚠️ Force-killed after 30 s: <stuck-worker> on workstation"
    And within 1 s nothing of this scenario is running

  # scenarios.md S162. The node is the embedded SSH server (its processes run with RBEE_HOME below the scenario's, so
  # the leak check sees both nodes); one job ran on each node, so each has a hive and an idle worker.
  Scenario: S162 Two nodes, one cluster
    When I run "rbee-keeper daemon start"
    Then the exit code is 0
    Given an SSH server acting as the node, with the client's key authorized for user "ops"
    And rbee is installed on the node for user "ops" at "<node-home>/rbee"
    And a free port as <node-hive-port>
    And "workstation" was added through queen as user "ops" with install path "~/rbee" and hive port "<node-hive-port>"
    When I run "rbee-keeper infer --node localhost --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    When I run "rbee-keeper infer --node workstation --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    When I run "rbee-keeper status"
    Then the exit code is 0
    And stdout has a line matching "queen-rbee 0\.1\.0 at <queen-url> \(started by rbee-keeper\)"
    And stdout has a line matching "localhost\s+reachable\s+running 0\.1\.0 <hive-url>\s+1"
    And stdout has a line matching "workstation\s+reachable\s+running 0\.1\.0 http://127\.0\.0\.1:<node-hive-port>\s+1"
    And stdout has a line matching "worker-\S+\s+localhost\s+demo:tiny\s+cpu:0\s+idle\s+0/1\s+http://127\.0\.0\.1:\d+"
    And stdout has a line matching "worker-\S+\s+workstation\s+demo:tiny\s+cpu:0\s+idle\s+0/1\s+http://127\.0\.0\.1:\d+"
    And stdout has 2 lines matching "worker-\S+\s+\S+\s+demo:tiny.*"
    And stdout ends with "JOBS\n(none)"
    When I run "rbee-keeper daemon stop"
    Then the exit code is 0
    And stdout is "✅ Stopped queen-rbee, 2 hive(s) and 2 worker(s)"
    And within 1 s nothing of this scenario is running
