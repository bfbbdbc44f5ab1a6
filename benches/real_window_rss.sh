#!/usr/bin/env bash
# Peak memory of the real window (Xvfb, default renderer) paging through a 10 MB article.
# Opens the perf bench's 10 MB notebook (200 actors, 2,000 evidence spans) in the release
# binary, clicks into the article, presses Page Down until the end, and prints the
# resident memory at start and the peak (VmHWM from /proc). Needs xvfb and xdotool.
# usage: benches/real_window_rss.sh [PAGES]   (default 6000: more than the article has)
set -eu
pages=${1:-6000}
cd "$(dirname "$0")/.."
cargo build --release --quiet
cargo bench --bench perf --no-run --quiet 2>/dev/null
perf=$(ls -t target/release/deps/perf-* | grep -v '\.d$' | head -1)
work=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$work"' EXIT
"$perf" --write-10mb "$work/10mb.ron"
n=90; while [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
export DISPLAY=:$n XDG_RUNTIME_DIR=$work/run BRIEFING_NOTEBOOK_HOME=$work/home
mkdir -m 700 "$XDG_RUNTIME_DIR"
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
target/release/briefing-notebook "$work/10mb.ron" >"$work/app.log" 2>&1 & app=$!
sleep 6
xdotool search --onlyvisible --name . windowfocus >/dev/null 2>&1
rss() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' /proc/$app/status; }
echo "after opening: RSS $(rss VmRSS) MB"
xdotool mousemove 300 400 click 1
sleep 1
start=$(date +%s)
xdotool key --delay 8 --repeat "$pages" Next
sleep 2
echo "after $pages x Page Down ($(( $(date +%s) - start )) s): RSS $(rss VmRSS) MB, peak $(rss VmHWM) MB"
kill -0 $app && echo "app still running: yes"
if [ -n "${SHOT:-}" ]; then xwd -root -silent | convert xwd:- "png:$SHOT"; fi
