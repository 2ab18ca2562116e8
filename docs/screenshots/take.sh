#!/usr/bin/env bash
# Retakes docs/screenshots/playground.png and overview.png: run as
#   xvfb-run -a -s "-screen 0 1280x800x24" docs/screenshots/take.sh
# Needs xdotool and imagemagick (apt). The click positions are those of the 1100x720 window that Xvfb (no window
# manager) puts at its default place; move them if the layout changes. The app starts its own ephemeral queen in a
# temporary RBEE_HOME and stops it when the window closes (Ctrl+Q).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export RBEE_HOME="$(mktemp -d)" RBEE_QUEEN_URL=http://127.0.0.1:18431 RBEE_LOCAL_HIVE_PORT=18432 \
  RBEE_WORKER_PORT_START=18440 RBEE_FAKE_DEVICES=none
bin/rbee-keeper &
app=$!
win=""
for _ in $(seq 1 60); do
  win=$(xdotool search --name '^rbee-keeper$' 2>/dev/null | head -1)
  [ -n "$win" ] && break; sleep 0.5
done
sleep 8
xdotool mousemove 150 153 click 1 sleep 0.5                     # navigation: Playground (4th: Overview, Workers, Models)
xdotool mousemove 725 145 click 1 sleep 0.3 type --delay 30 "Once upon a time, in a hive far away,"
xdotool mousemove 1060 209 click --repeat 2 1 sleep 0.2 key ctrl+a type "48"
xdotool mousemove 459 276 click 1 type "7"
xdotool mousemove 297 317 click 1
sleep 20
import -window root docs/screenshots/playground.png
# A long answer, watched from the overview while it runs.
xdotool mousemove 1060 209 click --repeat 2 1 sleep 0.2 key ctrl+a type "3000"
xdotool mousemove 297 317 click 1
sleep 0.8
xdotool mousemove 150 51 click 1                                # navigation: Overview
sleep 1.5
import -window root docs/screenshots/overview.png
xdotool key --window "$win" ctrl+q 2>/dev/null
wait "$app"
