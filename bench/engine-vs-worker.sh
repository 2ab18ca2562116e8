#!/usr/bin/env bash
# Decode and prefill speed of a TinyLlama-1.1B-shaped model (random weights, written here) through the engine called
# directly and through an llm-worker-rbee over HTTP/SSE, on the same file in the same run; with
# LLAMA_BENCH=/path/to/llama-bench also llama.cpp's own figures for the same prompt length, and the engine's ratio to
# them. Needs a build (mvn -DskipTests package).
# Usage: bench/engine-vs-worker.sh [quant...]   (default: Q4_0 Q8_0; models are kept in $RBEE_BENCH_DIR or /tmp)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
dir="${RBEE_BENCH_DIR:-/tmp/rbee-bench-models}"; mkdir -p "$dir"
prompt_words="${PROMPT_WORDS:-64}"; tokens="${TOKENS:-64}"; runs="${RUNS:-3}"
run_java() { "$java" --enable-native-access=ALL-UNNAMED -cp "$root/dist/lib/*" "$@"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
export RBEE_HOME="$dir/home"

# llama-bench's CSV: the avg_ts of its pp (prefill) and tg (decode) rows, in that order.
native_figures() {
  "$LLAMA_BENCH" -m "$1" -p "$2" -n "$tokens" -r "$runs" -o csv 2>/dev/null | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); col[$i] = i } next }
    { gsub(/"/, ""); if ($col["n_gen"] == 0) pp = $col["avg_ts"]; else tg = $col["avg_ts"] }
    END { printf "%s %s\n", pp, tg }'
}

for q in ${@:-Q4_0 Q8_0}; do
  model="$dir/tinyllama-shape-$q.gguf"
  run_java dev.rbee.bench.GenerateModel "$q" "$model"
  echo "== $q: prompt $prompt_words words, $tokens tokens, median of $runs runs"
  out="$(run_java dev.rbee.bench.EngineVsWorker "$model" "$root" "$prompt_words" "$tokens" "$runs" 2>/dev/null \
    | grep -E '^(engine|worker|ratio)')"
  echo "$out"
  if [ -n "${LLAMA_BENCH:-}" ]; then
    engine="$(grep '^engine' <<<"$out")"
    read -r pp tg < <(native_figures "$model" "$(field prompt_tokens "$engine")")
    echo "native  prefill_tps=$pp decode_tps=$tg (llama-bench)"
    awk -v ep="$(field prefill_tps "$engine")" -v ed="$(field decode_tps "$engine")" -v pp="$pp" -v tg="$tg" \
      'BEGIN { printf "ratio   engine/native prefill=%.3f decode=%.3f\n", ep / pp, ed / tg }'
  fi
done
