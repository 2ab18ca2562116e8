Feature: A worker that dies before the first token is replaced once; after the first token never

  # scenarios.md S159. Both workers sit on simulated GPUs and compute on the CPU; the fault is scoped to the worker on
  # cuda:0, which queen offers the job first (equal candidates go by device, docs/decisions.md). The worker sends
  # `started` and dies, so keeper shows the job starting on <worker-a>, the retry, then the start on <worker-b>.
  Scenario: S159 Failover before the first token
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=24GiB/20GiB"
    And the worker on "cuda:0" crashes before the first token
    And queen-rbee was started by the operator
    When I run "rbee-keeper worker start --model demo:tiny --backend cuda --device 0"
    Then the exit code is 0
    And I remember the worker id on stdout as <worker-a>
    When I run "rbee-keeper worker start --model demo:tiny --backend cuda --device 1"
    Then the exit code is 0
    And I remember the worker id on stdout as <worker-b>
    When I run "rbee-keeper infer --model demo:tiny --backend cuda --prompt hello --max-tokens 5"
    Then the exit code is 0
    And stderr has lines matching, in this order:
      | \[queen-rbee\] ▶ Job job-[0-9a-f]+ started on localhost \(worker <worker-a>\)        |
      | \[queen-rbee\] Worker <worker-a> crashed before the first token; retrying on <worker-b> |
      | \[queen-rbee\] ▶ Job job-[0-9a-f]+ started on localhost \(worker <worker-b>\)        |
    And the stderr line containing "retrying on <worker-b>" came within 5000 ms of the one containing "(worker <worker-a>)"
    And stderr does not contain "❌"
    And queen's record of the job says it completed on <worker-b>
    And the hive's log has a line matching "Worker <worker-a> exited unexpectedly \(exit code 1\) while busy with job-[0-9a-f]+"
    And queen lists <worker-b> but no longer <worker-a>
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S159, second sentence: with another idle worker at hand, a crash after the first token still ends
  # the stream with WORKER_FAILED (S082), and nothing is retried.
  Scenario: S159 After the first token there is never a retry
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=24GiB/20GiB"
    And the worker takes 100 ms per token
    And queen-rbee was started by the operator
    When I run "rbee-keeper worker start --model demo:tiny --backend cuda --device 0"
    Then the exit code is 0
    And I remember the worker id on stdout as <worker-a>
    When I run "rbee-keeper worker start --model demo:tiny --backend cuda --device 1"
    Then the exit code is 0
    And I remember the worker id on stdout as <worker-b>
    When I start "rbee-keeper infer --model demo:tiny --backend cuda --prompt 'write a short story' --max-tokens 20"
    And stdout has received 3 characters
    And the worker <worker-a> is killed with SIGKILL
    Then within 10 s the command ends with exit code 1
    And stderr has lines matching, in this order:
      | \[queen-rbee\] ▶ Job job-[0-9a-f]+ started on localhost \(worker <worker-a>\)                         |
      | \[queen-rbee\] ❌ Error: Worker <worker-a> on localhost exited: killed by SIGKILL \(WORKER_FAILED\) |
    And stderr does not contain "retrying on"
    And stderr does not contain "<worker-b>"
    And queen lists <worker-b> but no longer <worker-a>
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S159 and api.md §10: the retry needs another idle worker; without one the crash is the job's
  # WORKER_FAILED, as in the middle of a stream, and no worker is spawned for it (docs/decisions.md).
  Scenario: S159 Without another idle worker the crash fails the job
    Given every worker crashes before the first token
    And queen-rbee was started by the operator
    When I run "rbee-keeper worker start --model demo:tiny --backend cpu"
    Then the exit code is 0
    And I remember the worker id on stdout as <worker-a>
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 5"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: Worker <worker-a> on localhost exited: exit code 1 (WORKER_FAILED)"
    And stderr does not contain "retrying on"
    And stderr does not contain "Spawning a worker"
    And within 5 s queen lists no worker on "localhost"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
