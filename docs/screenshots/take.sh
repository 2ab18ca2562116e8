#!/usr/bin/env bash
# Retakes every screenshot in docs/screenshots/ (one PNG per screen of the desktop app). The screenshot tour
# (app-desktop's ScreenshotTour) builds the same screens as the real window against a real queen with a real
# demo:tiny worker, streams an answer, starts a long one, and saves a snapshot of each screen. Run it under Xvfb, so
# the real toolkit (GTK) draws the window:
#   xvfb-run -a -s "-screen 0 1280x800x24" docs/screenshots/take.sh
# (needs xvfb and libgtk-3-0 from apt, and the distribution built first: mvn -B -DskipTests install). Without a
# display it falls back to the headless toolkit the tests use.
set -eu
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
toolkit=()
if [ -n "${DISPLAY:-}" ]; then toolkit=(-Drbee.desktop.toolkit="-Dtestfx.robot=glass -Dprism.order=sw"); fi
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" mvn -B -q verify -pl app-desktop -Dtest=ScreenshotTour \
  -Dsurefire.failIfNoSpecifiedTests=false -Drbee.screenshots="$PWD/docs/screenshots" "${toolkit[@]}" "$@"
ls -l docs/screenshots/*.png
