Feature: Cancellation from the command line

  # scenarios.md S093. 200 ms per token (test mode) keeps the job running long enough to interrupt it.
  Scenario: S093 Ctrl+C during infer
    Given the worker takes 200 ms per token
    And queen-rbee was started by the operator
    When I start "rbee-keeper infer --model demo:tiny --prompt 'write a short story' --max-tokens 100"
    And stdout has received 5 characters
    And rbee-keeper receives SIGINT
    Then within 5 s the command ends with exit code 130
    And stderr contains the line "🛑 Canceling request..."
    And stderr contains the line "✅ Request canceled, slot released"
    And no partial result was saved
    And queen lists 1 worker for "demo:tiny" in state "idle" with 0 busy slots
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
