Feature: The hive watches its workers' health and takes them down with it

  # scenarios.md S112 with hive.health_interval shortened to 2 s (scenarios.md "Time"). Each check waits 5 s for an
  # answer, so with the worker stopped the failures land about 5, 7 and 9 s after the first check: still listed at
  # 7 s, gone a few seconds later.
  Scenario: S112 The hive checks its workers' health
    Given the hive health interval is 2 s
    And an rbee-hive runs on its own
    And the hive has 1 idle worker for "demo:tiny"
    When worker 1 receives SIGSTOP
    Then 7 s after that the hive still lists worker 1
    And within 8 s the hive no longer lists worker 1
    And the hive log says worker 1 "Worker <id> failed 3 health checks; removed"
    And the process of worker 1 is gone
    And the hive still answers /v1/health

  # scenarios.md S112: one success between failures resets the count. After two failures the worker resumes and
  # answers; stopped again, its failures count from 1 again, and it takes three more before it is removed.
  Scenario: S112 One good health check resets the count
    Given the hive health interval is 2 s
    And an rbee-hive runs on its own
    And the hive has 1 idle worker for "demo:tiny"
    When worker 1 receives SIGSTOP
    And within 15 s the hive log says worker 1 "Health check 2/3 of <id> failed" 1 time
    And worker 1 receives SIGCONT
    Then 4 s after that the hive still lists worker 1
    And the hive log says worker 1 "Health check 3/3 of <id> failed" 0 times
    When worker 1 receives SIGSTOP
    Then within 12 s the hive log says worker 1 "Health check 1/3 of <id> failed" 2 times
    And the hive log says worker 1 "Health check 3/3 of <id> failed" 0 times
    And within 10 s the hive no longer lists worker 1
    And the hive log says worker 1 "Worker <id> failed 3 health checks; removed"

  # scenarios.md S113
  Scenario: S113 SIGTERM to a hive shuts down its workers
    Given an rbee-hive runs on its own
    And the hive has 3 idle workers for "demo:tiny"
    When rbee-hive receives SIGTERM
    Then within 5 s no llm-worker-rbee process of this scenario is left
    And within 10 s the hive exits with code 0
    And the log "rbee-hive.log" contains "🛑 Shutting down worker-"
    And the log "rbee-hive.log" contains "✅ Worker terminated"
    And the log "rbee-hive.log" does not contain "force-killing"

  # scenarios.md S114 with shutdown.grace shortened to 3 s: the stopped worker is alive at 2 s and killed by 4 s
  Scenario: S114 A worker that ignores shutdown is killed
    Given the shutdown grace is 3 s
    And an rbee-hive runs on its own
    And the hive has 3 idle workers for "demo:tiny"
    And worker 2 receives SIGSTOP
    When rbee-hive receives SIGTERM
    Then 2 s after that the process of worker 2 still runs
    And within 3 s no llm-worker-rbee process of this scenario is left
    And within 5 s the hive exits with code 0
    And the hive log says worker 2 "🛑 Shutting down <id>..."
    And the log "rbee-hive.log" contains "⏳ Waiting for graceful shutdown (3s timeout)..."
    And the hive log says worker 2 "⚠️ Worker did not respond, force-killing <id>"
    And the hive log says worker 2 "✅ Worker terminated: <id>"

  # scenarios.md S111. Queen gives its hive the kit's proxy as its URL (RBEE_QUEEN_ADVERTISE_URL); the proxy times every
  # heartbeat on its way into queen. A heartbeat every 5 s is a lease timing, never shortened (scenarios.md §5).
  Scenario: S111 The hive stays up as a daemon
    Given queen-rbee was started by the operator, its hive reaching it through a proxy that counts heartbeats
    When I run "rbee-keeper infer --model demo:tiny --prompt hello --max-tokens 3"
    Then the exit code is 0
    When 60 s pass
    Then the hive of localhost still runs and answers /v1/health and /v1/workers/list
    And queen received 12 hive heartbeats, give or take 1, in that time
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running
