Feature: A worker binds first, then loads, and says how far it got

  # scenarios.md S069, seen from the worker (the hive's spawn timing comes with the hive issue).
  Scenario: S069 The server starts before the model loads
    Given the worker takes 200 ms per layer to load
    And a random test model with 22 layers
    When a worker starts for it with 1 slot
    Then within 3 s the worker answers GET /v1/ready with state "loading" and a progress URL
    And the worker's command line shows "--worker-id --model --backend --device --port" but not the cluster secret
    And within 30 s the worker is idle

  # scenarios.md S074
  Scenario: S074 Readiness while loading
    Given the worker takes 200 ms per layer to load
    And a random test model with 32 layers
    When a worker starts for it with 1 slot
    Then within 3 s the worker answers GET /v1/ready with state "loading" and a progress URL

  # scenarios.md S075
  Scenario: S075 The loading progress stream
    Given the worker takes 100 ms per layer to load
    And a random test model with 32 layers
    When a worker starts for it with 1 slot
    And within 3 s the worker answers GET /v1/ready with state "loading" and a progress URL
    And I subscribe to the loading progress
    Then the loading events rise to 32 of 32 layers, then ready

  # scenarios.md S076
  Scenario: S076 Readiness when loaded
    Given a random test model with 32 layers
    And an idle worker for it with 1 slot
    Then GET /v1/ready answers ready with state "idle", model_loaded and no progress URL
    When I subscribe to the loading progress
    Then the loading stream is just ready

  # api.md §7.2: a load failure is state `error` with the reason, the stream says so, and the process exits 3.
  Scenario: A model that cannot be loaded puts the worker in state error and ends it
    Given a model file that is not a GGUF
    When a worker starts for it with 1 slot
    And I subscribe to the loading progress
    Then the loading stream ends with error "MODEL_INCOMPATIBLE"
    And within 10 s the worker process exits with code 3

  # issue 3 / api.md §6.2: a GPU request never becomes a CPU worker. The stock llama.cpp binding is CPU-only.
  Scenario: A worker asked for cuda by a build without CUDA refuses instead of running on the CPU
    Given a random test model with 2 layers
    When a worker starts for it on backend "cuda" device 0
    And I subscribe to the loading progress
    Then the loading stream ends with error "BACKEND_UNAVAILABLE"
    And within 10 s the worker process exits with code 3
