Feature: What rbee-keeper infer prints

  # cli.md §1 and §10.2: with --json every event is one line on stdout, in order, and stderr stays empty.
  Scenario: infer --json prints the task's events as JSON lines and nothing on stderr
    Given queen-rbee was started by the operator
    When I run "rbee-keeper --json infer --model demo:tiny --prompt hi --max-tokens 3 --seed 1"
    Then the exit code is 0
    And stderr is empty
    And stdout is JSON lines whose types end with "ready, narration, started, token, token, token, narration, metrics, end"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # cli.md §10.1: `--prompt -` reads the prompt from stdin.
  Scenario: the prompt can come from stdin
    Given queen-rbee was started by the operator
    When I run "rbee-keeper infer --model demo:tiny --prompt - --max-tokens 3" with stdin "a prompt\nfrom a pipe\n"
    Then the exit code is 0
    And stdout is one line of generated text
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
