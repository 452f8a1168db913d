#!/usr/bin/env bash
# Build and run the whole test suite (in-memory SQLite unless DATABASE_URL is set).
#
#   scripts/test.sh                         everything
#   TEST_ARGS="--filter VettedWebTests" scripts/test.sh
#   scripts/test.sh --filter VettedDomainTests   (arguments go to `swift test` too)
set -euo pipefail
cd "$(dirname "$0")/.."

# Fluent's `.sqlite(.memory)` leaves sqlite-kit_memorydb-*.sqlite3 files under TMPDIR:
# give the tests a fresh folder inside the repo (.tmp/ is git-ignored) and remove it after.
mkdir -p .tmp
test_tmp="$(mktemp -d "$PWD/.tmp/test.XXXXXX")"
trap 'rm -rf "$test_tmp"' EXIT

# TEST_ARGS is split on whitespace (no globbing), e.g. "--filter A|B --parallel".
read -r -a extra <<<"${TEST_ARGS:-}"

echo "== swift build --build-tests"
swift build --build-tests

# TMPDIR is set for the test run only: the build must see the same environment
# every time, or SwiftPM re-plans it (and a fresh folder name each run would do that).
echo "== swift test --skip-build ${extra[*]} $*"
TMPDIR="$test_tmp" swift test --skip-build "${extra[@]}" "$@"
