#!/usr/bin/env bash
# Retakes every screenshot in docs/screenshots/ (one PNG per screen of the desktop app): the screenshot tour
# (app-desktop's ScreenshotTour) builds the same screens as the real window against a real queen with a real
# demo:tiny worker, streams an answer, and snapshots each screen in the headless toolkit; no display is needed.
# Needs the distribution built first (mvn -B -DskipTests install).
set -eu
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" mvn -B -q verify -pl app-desktop -Dtest=ScreenshotTour \
  -Dsurefire.failIfNoSpecifiedTests=false -Drbee.screenshots="$PWD/docs/screenshots" "$@"
ls -l docs/screenshots/*.png
