#!/usr/bin/env bash
# Starts a full-screen program in a private, detached 120×40 tmux session and returns once its first
# screen is fully drawn. hyperfine times this script, so every program pays the same tmux cost
# (measured on its own as the "baseline" row).
#
#   first-frame.sh exit   COMMAND...        the program draws its first frame and exits by itself
#                                           (frontdesk --first-frame-exit); fails if it exits non-zero
#   first-frame.sh marker TEXT COMMAND...   poll the pane until TEXT is on screen, then stop the program
#   first-frame.sh settle                   wait until the previous runs' programs have exited (untimed:
#                                           hyperfine --prepare)
#
# With FIRST_FRAME_TIME=FILE the program runs under `/usr/bin/time -v -o FILE` (peak memory).
set -euo pipefail
mode=$1; shift
if [ "$mode" = settle ]; then
  leftovers="${TMPDIR:-/tmp}/fdbench-first-frame-leftovers"
  if [ -f "$leftovers" ]; then
    for pid in $(cat "$leftovers"); do
      for _ in $(seq 1 1000); do kill -0 "$pid" 2>/dev/null || break; sleep 0.01; done
    done
    rm -f "$leftovers"
  fi
  exit 0
fi
marker=""
if [ "$mode" = marker ]; then marker=$1; shift; fi

socket="fdbench-$$-$RANDOM"
status_file=$(mktemp)
pids=""
leftovers="${TMPDIR:-/tmp}/fdbench-first-frame-leftovers"
# Tear the session down in the background, so the timing ends at the first frame; the next run's
# hyperfine --prepare (`first-frame.sh settle`, untimed) waits until these processes are gone
# (calcurse refuses to start while another calcurse holds its data folder).
cleanup() {
  server=$(tmux -L "$socket" display-message -p '#{pid}' 2>/dev/null || true)
  echo "$server $pids" >> "$leftovers"
  (tmux -L "$socket" kill-server > /dev/null 2>&1 || true
   rm -f "$status_file" "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket") > /dev/null 2>&1 &
}
trap cleanup EXIT
remember_pids() {
  local pane
  pane=$(tmux -L "$socket" display-message -p '#{pane_pid}' 2>/dev/null || true)
  [ -n "$pane" ] && pids="$pane $(pgrep -P "$pane" | tr '\n' ' ' || true)"
  return 0
}

quoted=$(printf '%q ' "$@")
if [ -n "${FIRST_FRAME_TIME:-}" ]; then
  quoted="/usr/bin/time -v -o $(printf '%q' "$FIRST_FRAME_TIME") $quoted"
fi

deadline=$(( $(date +%s) + ${FIRST_FRAME_TIMEOUT:-120} ))
case "$mode" in
  exit)
    # The pane stays (sleeping) after the program, so the server lives to deliver the signal.
    tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 40 \
      "$quoted; echo \$? > $(printf '%q' "$status_file"); tmux -L $socket wait-for -S first-frame; exec sleep 600"
    if ! timeout "${FIRST_FRAME_TIMEOUT:-120}" tmux -L "$socket" wait-for first-frame; then
      echo "first-frame.sh: '$*' did not finish its first frame within ${FIRST_FRAME_TIMEOUT:-120} s; the pane shows:" >&2
      tmux -L "$socket" capture-pane -p >&2 || true
      exit 1
    fi
    code=$(cat "$status_file")
    if [ "$code" != 0 ]; then
      echo "first-frame.sh: '$*' exited with $code" >&2
      exit 1
    fi
    ;;
  marker)
    tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 40 "exec $quoted"
    remember_pids
    while true; do
      if ! screen=$(tmux -L "$socket" capture-pane -p 2>/dev/null); then
        echo "first-frame.sh: '$*' exited before drawing its first screen" >&2
        exit 1
      fi
      case "$screen" in *"$marker"*) break ;; esac
      if [ "$(date +%s)" -gt "$deadline" ]; then
        echo "first-frame.sh: '$marker' did not appear within ${FIRST_FRAME_TIMEOUT:-120} s; the pane shows:" >&2
        tmux -L "$socket" capture-pane -p >&2 || true
        exit 1
      fi
    done
    remember_pids
    if [ -n "${FIRST_FRAME_TIME:-}" ]; then
      # Stop the program itself so that `time` lives to write its report.
      pane=$(tmux -L "$socket" display-message -p '#{pane_pid}')
      child=$(pgrep -P "$pane" | head -1 || true)
      [ -n "$child" ] && kill -TERM "$child"
      for _ in $(seq 1 500); do
        [ -s "$FIRST_FRAME_TIME" ] && grep -q 'Maximum resident' "$FIRST_FRAME_TIME" && break
        sleep 0.01
      done
    fi
    ;;
  *)
    echo "first-frame.sh: mode must be exit or marker" >&2
    exit 2
    ;;
esac
