Feature: When a worker dies or another client cancels, the caller hears why

  # scenarios.md S082 (the /v2/events part of S083 arrives with queen's events)
  Scenario: S082 The worker crashes during inference
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 20"
    And stdout has received 12 characters
    And llm-worker-rbee is killed with SIGKILL
    Then within 10 s the command ends with exit code 1
    And stderr has a line matching "\[queen-rbee\] ❌ Error: Worker worker-[0-9a-f]{4} on localhost exited: killed by SIGKILL \(WORKER_FAILED\)"
    And stderr has a line matching "  Tokens generated: \d+ / 20"
    And the partial result file holds exactly the text printed on stdout
    And the hive's log has a line matching "Worker worker-[0-9a-f]{4} exited unexpectedly \(signal 9\) while busy with job-[0-9a-f]{6}"
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] Spawning a worker for demo:tiny on localhost"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S083. The hive is not told which job a worker runs; it reads it from the worker's log (see
  # docs/decisions.md). The hive keeps a failed worker listed 60 s in state "error" (api.md §6.1), so "both registries
  # drop the worker" is queen dropping it (worker removed) and the hive marking it failed.
  Scenario: S083 The hive records the crash
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the id of queen's only worker as <worker-id>
    When watcher A opens queen's event stream
    And I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 20"
    And stdout has received 12 characters
    And llm-worker-rbee is killed with SIGKILL
    Then within 10 s the command ends with exit code 1
    And within 5 s watcher A has seen, in this order, "job running; worker busy; worker removed; job failed"
    And within 5 s queen lists no worker on "localhost"
    And the hive's log has a line matching "Worker <worker-id> exited unexpectedly \(signal 9\) while busy with job-[0-9a-f]{6}$"
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] Spawning a worker for demo:tiny on localhost"
    And queen's only worker is a new one on the port of <worker-id>
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S096
  Scenario: S096 Cancelled by another client
    Given the worker takes 200 ms per token
    And queen-rbee was started by the operator
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 100"
    And stdout has received 3 characters
    And another client cancels the running job
    Then within 5 s the command ends with exit code 1
    And stderr has a line matching ".*❌ Error: Job job-[0-9a-f]{6} was canceled by another client \(CANCELLED\)"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S070, the hive's side: a callback for a worker it never spawned
  Scenario: S070 The worker's ready callback
    Given queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    Then a ready callback for "worker-dead" is answered 404 WORKER_NOT_FOUND by the hive
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S097, while loading (downloads arrive with the hive's catalog). api.md §5.6 ends a job canceled
  # before `started` with `error CANCELLED`; the worker loads on and serves the next job.
  Scenario: S097 Cancelled while the model is loading
    Given the worker takes 1000 ms per layer to load
    And queen-rbee was started by the operator
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a short story\",\"max_tokens\":5}" starts through POST /v2/tasks in the background
    And the task's stream has shown a "loading" event
    And another client cancels the running job
    Then within 5 s the task stream ends with error "CANCELLED"
    And queen has no job in flight
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr does not contain "Spawning a worker"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S084, with inference.stall_timeout shortened to 3 s (scenarios.md "Time"); the hive's killing of
  # the hung worker arrives with its health checks.
  Scenario: S084 The worker hangs during inference
    Given the worker takes 100 ms per token
    And queen's inference stall timeout is 3 s
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 100"
    And stdout has received 5 characters
    And llm-worker-rbee receives SIGSTOP
    Then within 10 s the command ends with exit code 1
    And stderr contains the line "[queen-rbee] ❌ Error: Worker timeout - no token for 3 s (TIMEOUT)"
    And stderr has a line matching "  Partial result saved to: .*"
    And the stderr line containing "(TIMEOUT)" came at least 3000 ms after the last token on stdout
    When llm-worker-rbee is killed with SIGKILL
    And queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S085: the fault proxy between keeper and queen cuts every connection after 5 tokens.
  Scenario: S085 The connection between keeper and queen is lost mid-inference
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And keeper reaches queen through a fault proxy that cuts the connection after 5 tokens
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 100"
    Then within 30 s the command ends with exit code 1
    And the command ended within 5 s of the cut
    And stderr contains the line "[rbee-keeper] ❌ Error: Connection to queen-rbee lost during inference (STREAM_INTERRUPTED)"
    And stderr has a line matching "  Tokens generated: \d+ / 100"
    And stderr has a line matching "  Partial result saved to: .*/partial/job-[0-9a-f]+\.txt"
    And within 2 s of the cut, a worker log says the job was cancelled
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S144: the hive notices the exit at once and its next heartbeat (every 5 s) tells queen
  Scenario: S144 A crashed worker is no longer routed to
    Given queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the id of queen's only worker as <worker-id>
    When watcher A opens queen's event stream
    And llm-worker-rbee is killed with SIGKILL
    Then within 1 s the log "rbee-hive.log" has a line matching "Worker <worker-id> exited unexpectedly \(signal 9\) while idle"
    And within 6 s watcher A has seen, in this order, "worker removed"
    And within 1 s queen lists no worker on "localhost"
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    And stderr contains the line "[queen-rbee] Spawning a worker for demo:tiny on localhost"
    And stderr does not contain "<worker-id>"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
