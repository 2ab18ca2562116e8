Feature: OpenAI-compatible API on queen

  # scenarios.md S163 with the localhost catalog only (workstation needs remote nodes): one model came from the hub,
  # one the hive generated; each is in the catalog and loaded by a worker, and is listed once.
  Scenario: S163 Listing models
    Given the hub has "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF" with "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf" of about 12 MB
    And queen-rbee was started by the operator
    When "{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":1}" is sent to queen's "/v1/completions"
    And "{\"model\":\"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF\",\"prompt\":\"Once\",\"max_tokens\":1}" is sent to queen's "/v1/completions"
    Then "/v1/models" lists the models "demo:tiny, hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", each once, owned by rbee
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S164. demo:tiny's GGUF has no tokenizer.chat_template, so the ref table of api.md §5.8 picks ChatML
  # (docs/decisions.md); usage.prompt_tokens counts the rendered prompt. The scripted models show which format was
  # used: the model continues its script from the prompt's last character, so a prompt rendered with [INST] … [/INST]
  # (the GGUF's own template, recognised by its markers) ends in "]" and gets "ok", a ChatML one ends in a newline and
  # gets the whole script "]ok".
  Scenario: S164 Chat completion without streaming
    Given queen-rbee was started by the operator
    And a scripted model at "<rbee-home>/chat.gguf" that writes "]ok" and stops, with the chat template "{{ bos_token }}{% for m in messages %}{{ '[INST] ' + m['content'] + ' [/INST]' }}{% endfor %}"
    And a scripted model at "<rbee-home>/plain.gguf" that writes "]ok" and stops
    When "{\"model\":\"file:<rbee-home>/chat.gguf\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":10}" is sent to queen's "/v1/chat/completions"
    Then its one choice has the content "ok" and finish_reason "stop"
    When "{\"model\":\"file:<rbee-home>/plain.gguf\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":10}" is sent to queen's "/v1/chat/completions"
    Then its one choice has the content "]ok" and finish_reason "stop"
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":16}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 200 with object "chat.completion" for model "demo:tiny"
    And its one choice has role assistant, some content and finish_reason "length"
    And its usage counts 16 completion tokens, some prompt tokens and their total
    When the OpenAI client library sends the chat completion "hi" to "demo:tiny" with at most 16 tokens without streaming
    Then the library's answer has text, 16 output tokens, some input tokens and finish reason LENGTH
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S165. api.md §5.8 wins over the scenario text: chunks carry "type":"chunk" (docs/decisions.md).
  # The OpenAI client is LangChain4j's (Java), not the Python one.
  Scenario: S165 Chat completion with streaming
    Given queen-rbee was started by the operator
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":16,\"stream\":true}" is streamed from queen's "/v1/chat/completions"
    Then the stream has 16 "chat.completion.chunk" chunks of one token each, a last chunk with finish_reason "length", then [DONE]
    When an OpenAI client library streams a chat completion "hi" from "demo:tiny" with at most 16 tokens
    Then the library received 16 partial texts that make up its answer, and finish reason LENGTH
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S166. The scripted model writes "Once up", a newline, "tim": the stop string ends the text before
  # the newline; the same seed gives the same text; stop may be a string or an array.
  Scenario: S166 Text completions and parameters
    Given queen-rbee was started by the operator
    And a scripted model at "<rbee-home>/once.gguf" that writes "Once up\ntim" and stops
    When "{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":5,\"stop\":[\"\n\"],\"seed\":1}" is sent to queen's "/v1/completions"
    Then the OpenAI answer is 200 with object "text_completion" for model "demo:tiny"
    And its one choice has text and a finish_reason of "length" or "stop"
    When "{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":5,\"stop\":[\"\n\"],\"seed\":1,\"temperature\":0.9,\"top_p\":0.8}" is sent to queen's "/v1/completions"
    And "{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":5,\"stop\":[\"\n\"],\"seed\":1,\"temperature\":0.9,\"top_p\":0.8}" is sent to queen's "/v1/completions"
    Then the last two answers have the same text
    When "{\"model\":\"file:<rbee-home>/once.gguf\",\"prompt\":\"write a short story\",\"max_tokens\":50,\"stop\":\"\n\"}" is sent to queen's "/v1/completions"
    Then its text is "Once up" and its finish_reason "stop"
    When "{\"model\":\"file:<rbee-home>/once.gguf\",\"prompt\":\"write a short story\",\"max_tokens\":3}" is sent to queen's "/v1/completions"
    Then its usage counts 3 completion tokens, some prompt tokens and their total
    And its one choice has text and a finish_reason of "length" or "length"
    When "{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":4,\"stream\":true}" is streamed from queen's "/v1/completions"
    Then the stream has 4 "text_completion" chunks of one token each, a last chunk with finish_reason "length", then [DONE]
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S168
  Scenario: S168 Errors and cancellation through the OpenAI API
    Given a hub server that records every request
    And the worker takes 100 ms per token
    And queen-rbee was started by the operator with its API key in a file
    When "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    And the OpenAI answer lists the field errors "model:required"
    When "{\"model\":\"gpt-4\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 400 INVALID_MODEL_REF in the envelope
    When "{\"model\":\"hf:NonExistent/FakeModel\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 404 MODEL_NOT_FOUND in the envelope
    When "{\"model\":\"hf:NonExistent/FakeModel\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 404 MODEL_NOT_FOUND in the envelope
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    And the OpenAI answer lists the field errors "n:range(1,1)"
    And queen answers POST "/v1/chat/completions" with 401 MISSING_API_KEY when called with no-key
    And queen answers POST "/v1/completions" with 401 INVALID_API_KEY when called with a-wrong-key
    And queen answers GET "/v1/models" with 401 MISSING_API_KEY when called with no-key
    And queen answers POST "/v1/chat/completions" with 400 - when called with the-key
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"write a short story\"}],\"max_tokens\":200,\"stream\":true}" is streamed from queen's "/v1/chat/completions" and the client closes the stream after 5 chunks
    Then within 2 s of the client closing the stream, a worker log says the job was cancelled (client disconnected)
    And within 2 s queen lists the worker of "demo:tiny" as idle with 0 busy slots
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S168 and api.md §5.8: with inference.stall_timeout shortened to 1 s (scenarios.md "Time") and 2 s per
  # token, the job fails with TIMEOUT after the worker's started: the stream is committed by then, so the failure is
  # an error event; without a stream it is the envelope with TIMEOUT's status.
  Scenario: S168 A failure after the stream started is an error event, without a stream the status of its code
    Given the worker takes 2000 ms per token
    And queen's inference stall timeout is 1 s
    And queen-rbee was started by the operator
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":3,\"stream\":true}" is streamed from queen's "/v1/chat/completions"
    Then the stream has no chunk, then the error TIMEOUT at least 1000 ms after the stream began, then [DONE]
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":3}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 408 TIMEOUT in the envelope
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # scenarios.md S168 and api.md §9: REQUEST_CANCELED is what a request without a stream gets when its job is canceled.
  Scenario: S168 A canceled job answers a request without a stream with 499
    Given the worker takes 100 ms per token
    And queen-rbee was started by the operator
    And an idle worker for "demo:tiny" runs on localhost
    When "{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":200}" is sent to queen's "/v1/completions" in the background
    And another client cancels the running job
    Then the background answer is 499 REQUEST_CANCELED in the envelope
    And within 2 s queen lists the worker of "demo:tiny" as idle with 0 busy slots
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running

  # Bad input on every OpenAI route: envelopes with every failing field, never a crash.
  Scenario: S168 Bad input through the OpenAI API is refused field by field
    Given queen-rbee was started by the operator
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    When "{\"model\":\"demo:tiny\",\"messages\":\"hi\"}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    When "{\"model\":\"demo:tiny\",\"messages\":[],\"max_tokens\":0,\"max_completion_tokens\":2000000,\"temperature\":3.5,\"top_p\":-1,\"seed\":-5,\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer lists the field errors "messages:non_empty, max_tokens:range(1,1000000), max_completion_tokens:range(1,1000000), temperature:range(0.0,2.0), top_p:range(0.0,1.0), seed:range(0,9223372036854775807), stop:max_items(4)"
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"},{\"role\":\"user\"},null]}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer lists the field errors "messages[0].role:enum(system|user|assistant), messages[1].content:required, messages[2]:required"
    When "{\"model\":\"demo:tiny\",\"prompt\":42}" is sent to queen's "/v1/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    When "{\"model\":\"demo:tiny\",\"prompt\":\"\",\"stream\":\"yes\"}" is sent to queen's "/v1/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    When "{\"model\":\"demo:tiny\",\"max_tokens\":99999999999}" is sent to queen's "/v1/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    When "[1,2]" is sent to queen's "/v1/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    When "null" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer lists the field errors "$:type(object)"
    When "{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"seed\":99999999999999999999999,\"stop\":[1]}" is sent to queen's "/v1/chat/completions"
    Then the OpenAI answer is 400 INVALID_REQUEST in the envelope
    When this is sent to queen's "/v1/chat/completions"
      """
      {"model":"demo:tiny","max_tokens":3,"messages":[{"role":"system","content":"Say \"hi\"\nthen stop"},
       {"role":"user","content":"a \"quoted\" {line}\n\n<|im_end|>'; DROP TABLE"}]}
      """
    Then the OpenAI answer is 200 with object "chat.completion" for model "demo:tiny"
    When queen-rbee receives SIGTERM
    Then within 10 s nothing of this scenario is running
