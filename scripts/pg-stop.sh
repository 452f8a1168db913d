#!/usr/bin/env bash
# Stop a server started by scripts/pg-start.sh and delete its folder.
#   scripts/pg-stop.sh DIR
set -euo pipefail

dir="${1:?usage: $0 DIR (the PG_TEST_DIR printed by pg-start.sh)}"
# Refuse anything that is not one of ours, since we rm -rf it.
case "$(basename "$dir")" in
  vetted-pg.*) ;;
  *) echo "pg-stop: $dir is not a pg-start.sh folder" >&2; exit 2 ;;
esac

if [ -f "$dir/data/postmaster.pid" ]; then
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$dir/data" -m immediate -w stop >/dev/null \
    || echo "pg-stop: pg_ctl stop failed (continuing)" >&2
fi
rm -rf "$dir"
echo "pg-stop: stopped and removed $dir" >&2
