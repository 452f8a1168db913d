#!/usr/bin/env bash
# HTTP throughput of a release build on loopback, with wrk (Debian's package):
# GET /api/v1/roles/{id} (token check + one scoped row through Fluent on SQLite) beside
# GET /healthz (a constant route: the framework's own ceiling on this machine).
#   scripts/bench-http.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
connections="${2:-64}"
port=18181
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
swift build -c release --product vetted >/dev/null
bin=.build/release/vetted
tmp="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
export VETTED_ADMIN_PASSWORD=bench-password-123 LOG_LEVEL=warning
"$bin" demo --data-dir "$tmp" >/dev/null 2>&1
token="$("$bin" token create --data-dir "$tmp" --user admin@example.com --scope read --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
"$bin" serve --data-dir "$tmp" --port "$port" >"$tmp/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do kill -0 "$pid" || { cat "$tmp/server.log"; exit 1; }; sleep 0.2; done
role="$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/roles?perPage=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); wrk -t2 -c$connections -d${duration}s"
echo "== baseline: GET /healthz (constant)"
wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/healthz" | grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx"
echo "== ours: GET /api/v1/roles/$role (bearer token, scoped read)"
wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/roles/$role" | grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx"
