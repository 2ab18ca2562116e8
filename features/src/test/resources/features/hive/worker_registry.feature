Feature: The hive's own worker registry, and the cores its cpu workers run on

  # scenarios.md S025, on the local node with simulated GPUs (the worker computes on the CPU and says so); the
  # worker's loading stalls so that it is still "loading" when the list is read.
  Scenario: S025 The hive's registry entry for a new worker
    Given the devices are simulated as "cuda:0=24GiB/20GiB,cuda:1=8GiB/6GiB"
    And a random test model with 32 layers
    And the worker's loading stalls at layer 28
    And an rbee-hive runs on its own
    When a worker for "file:<rbee-home>/models/test 32-layers.gguf" on cuda:1 is spawned through the hive API
    Then the hive lists the worker with:
      | worker_id   | <worker-id>                                      |
      | url         | http://127.0.0.1:<worker-port>                   |
      | model_ref   | file:<rbee-home>/models/test 32-layers.gguf      |
      | backend     | cuda                                             |
      | device      | 1                                                |
      | state       | loading                                          |
      | slots_total | 1                                                |
      | slots_busy  | 0                                                |
      | pid         | <worker-pid>                                     |
    When rbee-hive receives SIGTERM
    Then within 40 s the worker's process is gone and its port is free
    Given an rbee-hive runs on its own
    Then the hive lists no worker
    When rbee-hive receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S154, with the cores of this machine (2n of them; the CI machine has 2): each cpu worker gets a half.
  Scenario: S154 CPU workers get their own cores
    Given this machine has at least 2 cores
    And an rbee-hive runs on its own
    And the hive has 2 idle workers for "demo:tiny"
    Then worker 1 may run only on the lower half of the cores, and computes with that many threads
    And worker 2 may run only on the upper half of the cores, and computes with that many threads
    When rbee-hive receives SIGTERM
    Then within 10 s nothing of this scenario is running
