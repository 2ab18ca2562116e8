#!/usr/bin/env bash
# The desktop app under issue 7's load: N workers (default 100) each changing state 10 times a second, through the
# keeper core's cluster state and the Overview, Workers and Live board view models on a 60-frames-a-second UI thread.
# Baseline: 1 worker, same run. Needs a build (mvn -DskipTests package).
# Usage: bench/desktop-feed.sh [workers] [seconds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
"$java" --enable-native-access=ALL-UNNAMED -cp "$root/dist/lib/*" dev.rbee.bench.DesktopFeedLoad "${1:-100}" "${2:-10}"
