Feature: The hive's own view of its node: health, devices, resources

  # scenarios.md S032
  Scenario: S032 Hive health check
    Given an rbee-hive runs on its own
    When I GET "/v1/health" from the hive without a secret
    Then the hive answers 200
    And the hive's answer has "/status" = "alive"
    And the hive's answer has "/version" = "0.1.0"
    And the hive's answer has "/api_version" = "v1"
    When I GET "/v1/health" from the hive
    Then the hive answers 200
    When I GET "/v1/backends/list" from the hive without a secret
    Then the hive answers 401

  # scenarios.md S038; queen's node row is queen's side and not part of this hive-only scenario
  Scenario: S038 Backend and device inventory
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"
    And an rbee-hive runs on its own
    When I GET "/v1/backends/list" from the hive
    Then the hive answers 200
    And the hive's answer has "/backends/0/name" = "cuda"
    And the hive's answer has "/backends/0/available" = "true"
    And the hive's answer has "/backends/0/devices/0/index" = "0"
    And the hive's answer has "/backends/0/devices/0/vram_total_bytes" = "25769803776"
    And the hive's answer has "/backends/0/devices/0/vram_free_bytes" = "21474836480"
    And the hive's answer has "/backends/0/devices/0/simulated" = "true"
    And the hive's answer has "/backends/0/devices/1/index" = "1"
    And the hive's answer has "/backends/0/devices/1/vram_total_bytes" = "8589934592"
    And the hive's answer has "/backends/0/devices/1/vram_free_bytes" = "2147483648"
    And the hive's answer has "/backends/1/name" = "metal"
    And the hive's answer has "/backends/1/available" = "false"
    And the hive's answer has "/backends/1/reason" = "Metal is only available on macOS"
    And the hive's answer has "/backends/2/name" = "cpu"
    And the hive's answer has "/backends/2/available" = "true"
    And the hive's answer has "/backends/2/devices/0/index" = "0"
    And the hive's answer has "/backends/2/devices/0/vram_total_bytes" = "0"
    And the log "rbee-hive.log" contains "⚠️ RBEE_FAKE_DEVICES is set: device inventory is simulated"

  # scenarios.md S066, the inventory side
  Scenario: S066 No CUDA driver in the inventory
    Given the devices are simulated as "none"
    And an rbee-hive runs on its own
    When I GET "/v1/backends/list" from the hive
    Then the hive's answer has "/backends/0/available" = "false"
    And the hive's answer has "/backends/0/reason" = "CUDA driver not found"
    And the hive's answer has "/backends/2/available" = "true"

  # scenarios.md S039
  Scenario: S039 Resource report
    Given an rbee-hive runs on its own
    When I GET "/v1/resources" from the hive
    Then the hive answers 200
    And the hive's resources are within 5 % of /proc/meminfo and of the disk of "<rbee-home>/models"
    And the hive's answer has "/models_dir" = "<rbee-home>/models"
    And the hive's answer has no "/overridden"

  # scenarios.md S039, test mode: the override is read again at every check, so it applies without a restart
  Scenario: S039 Resource report with a RAM override in test mode
    Given test mode is on
    And an rbee-hive runs on its own
    When config.toml sets preflight.ram_available_override to "4000MB"
    And I GET "/v1/resources" from the hive
    Then the hive's answer has "/ram_available_bytes" = "4000000000"
    And the hive's answer has "/overridden" = "[\"ram_available\"]"
    When config.toml sets preflight.disk_available_override to "120MB"
    And I GET "/v1/resources" from the hive
    Then the hive's answer has "/disk_available_bytes" = "120000000"
    And the hive's answer has "/overridden" = "[\"ram_available\",\"disk_available\"]"

  # scenarios.md test kit: without test mode the overrides are ignored, with a warning
  Scenario: The preflight overrides are ignored outside test mode
    Given an rbee-hive runs on its own
    When config.toml sets preflight.ram_available_override to "4000MB"
    And I GET "/v1/resources" from the hive
    Then the hive's answer has no "/overridden"
    And the log "rbee-hive.log" contains "preflight.ram_available_override is set"
    And the log "rbee-hive.log" contains "RBEE_TEST_MODE is not 1: ignoring it"
