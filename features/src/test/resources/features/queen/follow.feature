Feature: Following a job's stream from another client

  # docs/decisions.md "Following a job's stream" (issue 7's live board): GET /v2/tasks/{job_id}/stream replays the
  # job's events so far, then streams the live ones, and ends with the terminal event. 100 ms per token keeps the
  # job running while the follower joins.
  Scenario: A follower joining mid-stream gets the earlier events, the live ones and the end
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    When a task "{\"model\":\"demo:tiny\",\"prompt\":\"write a story\",\"max_tokens\":30}" starts through POST /v2/tasks in the background
    And the task's stream has shown 5 "token" events
    And another client follows that job through GET /v2/tasks/{job_id}/stream
    Then the follower got every data line of the task stream, 30 tokens and end "MAX_TOKENS" included, in order
    When I GET queen's "/v2/tasks/job-unknown/stream" as an event stream
    Then the answer is 404 JOB_NOT_FOUND with an envelope from "queen-rbee"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
