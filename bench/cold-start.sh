#!/usr/bin/env bash
# Cold and warm start of `rbee-keeper infer` on demo:tiny, measured as a user runs it, against a baseline taken in
# the same run: one JVM start (`rbee-keeper --version`). Machines here are noisy, so compare the ratios, not the
# seconds. Needs a build (mvn -DskipTests package). Usage: bench/cold-start.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
keeper="$root/bin/rbee-keeper"
runs="${1:-3}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export RBEE_QUEEN_URL="http://127.0.0.1:$(free_port)" RBEE_LOCAL_HIVE_PORT="$(free_port)" \
       RBEE_WORKER_PORT_START="$(free_port)" NO_COLOR=1

seconds() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }; end=$(date +%s%N); echo "scale=3; ($end-$start)/1000000000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
infer() { "$keeper" infer --model demo:tiny --prompt "write a short story" --max-tokens 20 --seed 7; }

baseline=$(for i in $(seq "$runs"); do seconds "$keeper" --version; done | median)
cold=$(for i in $(seq "$runs"); do export RBEE_HOME="$work/cold-$i"; seconds infer; done | median)
export RBEE_HOME="$work/warm"; infer >/dev/null 2>&1
warm_model=$(for i in $(seq "$runs"); do seconds infer; done | median)
"$keeper" daemon start >/dev/null; infer >/dev/null 2>&1
warm_worker=$(for i in $(seq "$runs"); do seconds infer; done | median)
tokens_line=$(infer 2>&1 >/dev/null | grep '✅ 20 tokens' || true)
"$keeper" daemon stop >/dev/null 2>&1

printf '%-46s %8s %8s\n' "what (median of $runs)" "seconds" "ratio"
printf '%-46s %8s %8s\n' "baseline: one JVM (rbee-keeper --version)" "$baseline" "1.0"
for row in "cold (fresh RBEE_HOME, ephemeral queen)|$cold" "warm model (model on disk, ephemeral queen)|$warm_model" \
           "warm worker (daemon queen, idle worker)|$warm_worker"; do
  printf '%-46s %8s %8.1f\n' "${row%%|*}" "${row##*|}" "$(echo "${row##*|} / $baseline" | bc -l)"
done
echo "worker summary (warm): ${tokens_line#*] }"
