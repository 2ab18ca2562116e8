#!/usr/bin/env bash
# Smoke test of the Linux package, run by hand (not by .ci/run): builds the app-image and uses it as a user would.
# 1. `rbee-keeper --version` through jpackage's launcher (the CLI from the package).
# 2. `rbee-keeper infer --model demo:tiny ...`: the ephemeral queen, its hive and a worker all start from the
#    image's lib/app/bin on its own runtime, tokens stream, and nothing of the image is left running afterwards.
# Expects `mvn -B -DskipTests package` to have filled dist/lib. Takes about 30 s. Exit status 0 means it passed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
image="$root/target/jpackage/rbee-keeper"
launcher="$image/bin/rbee-keeper"

"$root/jpackage/linux/package.sh" --app-image-only

fail() { echo "check.sh: FAILED: $*" >&2; exit 1; }
home="$(mktemp -d)"  # kept when a check fails, for its logs
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# No JAVA_HOME: the image must bring its own Java.
run() { env -u JAVA_HOME -u RBEE_DIST_DIR RBEE_HOME="$home" RBEE_QUEEN_URL="http://127.0.0.1:$port" "$@"; }

# The daemon launchers inside the image run on the image's runtime, not on a Java found elsewhere.
bash -x "$image/lib/app/bin/rbee-launch" dev.rbee.queen.Main --version 2>&1 \
  | grep -q "^+ exec $image/lib/runtime/bin/java " || fail "lib/app/bin/rbee-launch does not use lib/runtime/bin/java"

version="$(run "$launcher" --version)" || fail "--version exited with $?"
echo "$version"
[[ "$version" == "rbee-keeper "* ]] || fail "--version printed '$version'"

answer="$(run timeout 120 "$launcher" infer --model demo:tiny --prompt hi --max-tokens 5 2>&1)" \
  || { echo "$answer"; fail "infer exited with $?"; }
echo "$answer"
grep -q "✅ 5 tokens in" <<<"$answer" || fail "infer did not report 5 tokens"
grep -q "Distribution\[root=$image/lib/app\]" "$home/logs/queen-rbee.log" \
  || fail "queen did not run from the image (see $home/logs/queen-rbee.log)"

# The ephemeral queen stops everything it started; give the children a moment to exit.
for _ in $(seq 1 20); do
  left="$(ps -eo pid=,args= | grep -F "$image/" | grep -v grep || true)"
  [ -z "$left" ] && break
  sleep 0.5
done
[ -z "$left" ] || fail "processes of the image are still running: $left"
rm -rf "$home"
echo "check.sh: OK (app-image $image: --version, daemons on the image's runtime, infer on demo:tiny, nothing left running)"
