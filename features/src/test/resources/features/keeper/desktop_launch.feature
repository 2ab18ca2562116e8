Feature: rbee-keeper without arguments opens the desktop app, or falls back to the CLI (cli.md §2)

  Background:
    Given I run "rbee-keeper --help"
    And I remember stdout as "help"

  Scenario: Launcher: no display means the command-line help, exit 0
    Given keeper's environment has neither DISPLAY nor WAYLAND_DISPLAY
    And keeper's JVM logs the classes it loads to "<rbee-home>/classes.log"
    When I run "rbee-keeper"
    Then the exit code is 0
    And stderr contains the line "[rbee-keeper] No display found (DISPLAY and WAYLAND_DISPLAY are unset); running the command-line interface."
    And stdout equals the one remembered as "help"
    And the file "<rbee-home>/classes.log" has no line matching "javafx\."

  Scenario: Launcher: a display where the toolkit cannot start means the command-line help, exit 1
    Given keeper's environment has DISPLAY ":97" where no X server listens, and no WAYLAND_DISPLAY
    And keeper's JVM logs the classes it loads to "<rbee-home>/classes.log"
    When I run "rbee-keeper"
    Then the exit code is 1
    And stderr has a line matching "^\[rbee-keeper\] The desktop app could not start \(.+\); running the command-line interface\.$"
    And stdout equals the one remembered as "help"
    And the file "<rbee-home>/classes.log" has a line matching "javafx\.application\.Platform "

  Scenario: Launcher: any argument runs the CLI only; global flags without a command print the help, exit 1
    Given keeper's environment has DISPLAY ":97" where no X server listens, and no WAYLAND_DISPLAY
    And keeper's JVM logs the classes it loads to "<rbee-home>/classes.log"
    When I run "rbee-keeper --json"
    Then the exit code is 1
    And stderr is empty
    And stdout equals the one remembered as "help"
    And the file "<rbee-home>/classes.log" has no line matching "javafx\."
