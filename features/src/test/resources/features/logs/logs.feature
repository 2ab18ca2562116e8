Feature: Logs through queen: GET /v2/logs and rbee-keeper logs (api.md §5.7, cli.md §12)

  # scenarios.md S172. Ctrl+C is shown on the JSON run, the source stopping on the human one.
  Scenario: S172 Following logs
    Given queen-rbee was started by the operator
    And the worker takes 100 ms per token
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the id of queen's only worker as <worker-id>
    When I start "rbee-keeper logs --node localhost --worker <worker-id> --follow --json"
    And stdout has received 100 characters
    And a task '{"model":"demo:tiny","prompt":"write a short story","max_tokens":20}' runs through POST /v2/tasks
    And within 2 s the command's stdout shows a line containing "ended: 20 tokens, MAX_TOKENS"
    And rbee-keeper receives SIGINT
    Then within 5 s the command ends with exit code 130
    And every line written to "<worker-id>.log" while the command ran reached its stdout within 1000 ms
    And stdout has JSON log lines from "<worker-id>" on "localhost", each a line of "<worker-id>.log"
    When I start "rbee-keeper logs --node localhost --worker <worker-id> --follow"
    And stdout has received 100 characters
    And llm-worker-rbee receives SIGTERM
    Then within 15 s the command ends with exit code 0
    And stderr contains the line "[rbee-keeper] ⚠️ Log stream ended: <worker-id> on localhost stopped"
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running

  # scenarios.md S173
  Scenario: S173 Logs of a stopped hive
    Given queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    And I remember the id of queen's only worker as <worker-id>
    When rbee-hive receives SIGTERM
    Then within 40 s no rbee-hive process of this scenario is left
    When I run "rbee-keeper logs --node localhost --lines 50"
    Then the exit code is 0
    And stdout is the last 50 lines of "rbee-hive.log"
    When I run "rbee-keeper logs --node localhost --lines 3"
    Then the exit code is 0
    And stdout is the last 3 lines of "rbee-hive.log"
    When I run "rbee-keeper logs --node localhost --worker <worker-id> --lines 5"
    Then the exit code is 0
    And stdout is the last 5 lines of "<worker-id>.log"
    When I run "rbee-keeper logs --node localhost --follow"
    Then the exit code is 1
    And stderr contains the line "[queen-rbee] ❌ Error: rbee-hive is not running on localhost (HIVE_NOT_RUNNING)"
    And stderr contains the line "💡 Start it: rbee-keeper hive start --node localhost"
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running

  Scenario: Bad log queries are refused and queen's own log is served
    Given queen-rbee was started by the operator
    When I GET "/v2/logs?lines=abc" from queen
    Then queen answers 400 INVALID_REQUEST
    When I GET "/v2/logs?lines=0" from queen
    Then queen answers 400 INVALID_REQUEST
    When I GET "/v2/logs?lines=99999999999999" from queen
    Then queen answers 400 INVALID_REQUEST
    When I GET "/v2/logs?follow=maybe" from queen
    Then queen answers 400 INVALID_REQUEST
    When I GET "/v2/logs?worker=worker-3b1e" from queen
    Then queen answers 400 INVALID_REQUEST
    When I GET "/v2/logs?node=nowhere" from queen
    Then queen answers 404 NODE_NOT_FOUND
    When I GET "/v2/logs?node=localhost&worker=worker-ffff" from queen
    Then queen answers 404 WORKER_NOT_FOUND
    When I GET "/v2/logs?node=localhost&worker=..%2Fqueen-rbee" from queen
    Then queen answers 404 WORKER_NOT_FOUND
    When I GET "/v2/logs?lines=2" from queen
    Then the answer is 2 log events from "queen-rbee", then eof "tail_complete" and [DONE]
    When I run "rbee-keeper logs --node nowhere"
    Then the exit code is 1
    And stderr contains a line starting with "[queen-rbee] ❌ Error: Node 'nowhere' is not registered (NODE_NOT_FOUND)"
    When queen-rbee receives SIGTERM
    Then within 40 s nothing of this scenario is running
