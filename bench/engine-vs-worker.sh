#!/usr/bin/env bash
# Decode and prefill speed of a TinyLlama-1.1B-shaped model (random weights, written here) through the engine called
# directly and through an llm-worker-rbee over HTTP/SSE, on the same file in the same run; optionally llama.cpp's own
# llama-bench (LLAMA_BENCH=/path/to/llama-bench). Needs a build (mvn -DskipTests package).
# Usage: bench/engine-vs-worker.sh [quant...]   (default: Q4_0 Q8_0; models are kept in $RBEE_BENCH_DIR or /tmp)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
dir="${RBEE_BENCH_DIR:-/tmp/rbee-bench-models}"; mkdir -p "$dir"
prompt_words="${PROMPT_WORDS:-64}"; tokens="${TOKENS:-64}"; runs="${RUNS:-3}"
run_java() { "$java" --enable-native-access=ALL-UNNAMED -cp "$root/dist/lib/*" "$@"; }
export RBEE_HOME="$dir/home"

for quant in "${@:-Q4_0 Q8_0}"; do
  for q in $quant; do
    model="$dir/tinyllama-shape-$q.gguf"
    run_java dev.rbee.bench.GenerateModel "$q" "$model"
    echo "== $q: prompt $prompt_words words, $tokens tokens, median of $runs runs"
    run_java dev.rbee.bench.EngineVsWorker "$model" "$root" "$prompt_words" "$tokens" "$runs" 2>/dev/null \
      | grep -E '^(engine|worker|ratio)'
    if [ -n "${LLAMA_BENCH:-}" ]; then
      "$LLAMA_BENCH" -m "$model" -p "$prompt_words" -n "$tokens" -r "$runs" -o md | grep -E 'pp|tg'
    fi
  done
done
