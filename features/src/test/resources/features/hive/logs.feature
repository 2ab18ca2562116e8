Feature: The hive serves its own log and its workers' logs as SSE

  Scenario: The last lines of the hive's log, then eof
    Given an rbee-hive runs on its own
    When I read the hive's log stream "/v1/logs?lines=1"
    Then the log stream has 1 log events from "rbee-hive", then eof "tail_complete" and [DONE]
    And the log events are the last lines of "rbee-hive.log"
    When I read the hive's log stream "/v1/logs"
    Then the log stream has every line of "rbee-hive.log" as a log event from "rbee-hive", then eof "tail_complete" and [DONE]

  Scenario: An unknown worker's log is WORKER_NOT_FOUND, and bad parameters are refused
    Given an rbee-hive runs on its own
    When I GET "/v1/logs?worker=worker-ffff" from the hive
    Then the hive answers 404 WORKER_NOT_FOUND with the message "Worker 'worker-ffff' not found"
    When I GET "/v1/logs?worker=..%2Frbee-hive" from the hive
    Then the hive answers 404 WORKER_NOT_FOUND with the message "Worker '../rbee-hive' not found"
    When I GET "/v1/logs?lines=lots" from the hive
    Then the hive answers 400
    When I GET "/v1/logs?follow=maybe" from the hive
    Then the hive answers 400

  Scenario: A followed worker log streams new lines until the worker stops
    Given an rbee-hive runs on its own
    And the hive has 1 idle worker for "demo:tiny"
    When I follow the log of worker 1 from the hive
    And worker 1 is asked to shut down through the hive
    Then within 40 s the followed log ends with eof "source_stopped" and [DONE]
    And the followed log has more than 5 log events, among them one containing "exiting with 0"

  Scenario: A followed hive log ends when the hive stops
    Given an rbee-hive runs on its own
    When I follow the hive's own log
    And rbee-hive receives SIGTERM
    Then within 10 s the followed log ends with eof "source_stopped" and [DONE]
    And the followed log has more than 1 log events, among them one containing "Shutting down 0 worker(s)"
    And within 10 s the hive exits with code 0
