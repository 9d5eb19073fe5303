#!/bin/sh
# An external plugin for `campaign`, as a shell script: is the hall ready? (会场是否就绪)
#
# The venue manager creates a marker file (e.g. by scanning a QR code that touches it, or by hand)
# when the hall is set up. `hall.ready` completes when the file is there; until then it fails with
# "retryable": true, so the step's `retry:` policy looks again later.
#
# POSIX sh, no jq: the request is one line of JSON with sorted keys, and `with` comes last, so
# the parameter can be read with sed. Protocol: docs/external-plugins.md (version 1).
set -eu

case "${1:-}" in
describe)
    cat <<'JSON'
{"protocol": 1,
 "summary": "Venue checks: waits until the hall is set up (a marker file exists).",
 "actions": [
   {"name": "ready",
    "summary": "Completes when the marker file exists; fails (retryable) until then.",
    "parameters": [
      {"name": "marker", "type": "text", "required": true,
       "doc": "The file the venue manager creates when the hall is ready, relative to the definition's folder."}
    ],
    "outputs": [{"name": "ready_at", "doc": "When the hall was found ready (campaign time)."}]}
 ]}
JSON
    ;;
run)
    request=$(cat)
    marker=$(printf '%s' "$request" | sed -n 's/.*"marker":"\([^"]*\)".*/\1/p')
    now=$(printf '%s' "$request" | sed -n 's/.*"now":"\([^"]*\)".*/\1/p')
    if [ -z "$marker" ]; then
        echo '{"status": "failed", "retryable": false, "message": "no marker file named"}'
    elif [ -e "$marker" ]; then
        printf '{"status": "completed", "outputs": {"ready_at": "%s"}}\n' "$now"
    else
        echo "hall-check: $marker not there yet" >&2
        printf '{"status": "failed", "retryable": true, "message": "会场未就绪 the hall is not ready (no %s yet)"}\n' "$marker"
    fi
    ;;
*)
    echo "usage: hall-check.sh describe | run (with the request on stdin)" >&2
    exit 64
    ;;
esac
