Feature: Prometheus metrics

  # scenarios.md S174 on the localhost node (S162's workstation needs remote nodes). api.md §5.9's names win over the
  # scenario's (rbee_tasks_total, rbee_inference_duration_seconds, rbee_hives; docs/decisions.md).
  Scenario: S174 Prometheus metrics
    Given a hub server that records every request
    And queen-rbee was started by the operator
    When "{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":5}" is sent to queen's "/v1/completions"
    And "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":7}" is sent to queen's "/v1/chat/completions"
    And "{\"model\":\"hf:NonExistent/FakeModel\",\"prompt\":\"Once\"}" is sent to queen's "/v1/completions"
    And "{\"model\":\"gpt-4\",\"prompt\":\"Once\"}" is sent to queen's "/v1/completions"
    And queen's /metrics is scraped
    Then the scrape is Prometheus text version 0.0.4 with a HELP and TYPE line for each of the families
      | rbee_build_info                  |
      | rbee_tasks_total                 |
      | rbee_tasks_active                |
      | rbee_queue_size                  |
      | rbee_tokens_generated_total      |
      | rbee_inference_duration_seconds  |
      | rbee_time_to_first_token_seconds |
      | rbee_workers                     |
      | rbee_hives                       |
      | rbee_vram_bytes                  |
      | rbee_model_downloads_total       |
      | rbee_http_requests_total         |
    And the scrape has the samples
      | rbee_build_info{version="0.1.0"}                                      | 1 |
      | rbee_tasks_total{outcome="completed"}                                 | 2 |
      | rbee_tasks_total{outcome="failed"}                                    | 1 |
      | rbee_tasks_total{outcome="cancelled"}                                 | 0 |
      | rbee_tasks_active                                                     | 0 |
      | rbee_queue_size                                                       | 0 |
      | rbee_tokens_generated_total{node="localhost",model="demo:tiny"}       | 12 |
      | rbee_hives{state="running"}                                           | 1 |
      | rbee_http_requests_total{route="/v1/completions",status="200"}        | 1 |
      | rbee_http_requests_total{route="/v1/completions",status="404"}        | 1 |
      | rbee_http_requests_total{route="/v1/completions",status="400"}        | 1 |
      | rbee_http_requests_total{route="/v1/chat/completions",status="200"}   | 1 |
    And the scrape's rbee_tokens_generated_total for "demo:tiny" on localhost is the tokens_out of its jobs in /v2/tasks
    And the histogram rbee_inference_duration_seconds counts 2 observations in cumulative buckets up to 60 s
    And the histogram rbee_time_to_first_token_seconds counts 2 observations in cumulative buckets up to 60 s
    And the scrape's rbee_workers agree with /v2/workers/list
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
