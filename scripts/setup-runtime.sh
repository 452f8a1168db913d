#!/usr/bin/env bash
# Build the assessment runtime: a virtual environment made with Debian's python3 (not a
# pyenv shim under /root, which the box cannot see and which costs 70 ms a start), outside
# /root, bound read-only at /venv inside the sandbox. Rebuilt only when
# scripts/runtime-requirements.txt changes.
#
#   scripts/setup-runtime.sh            into $VETTED_ASSESSMENT_RUNTIME or /opt/vetted-runtime
set -euo pipefail
cd "$(dirname "$0")/.."

runtime="${VETTED_ASSESSMENT_RUNTIME:-/opt/vetted-runtime}"
requirements=scripts/runtime-requirements.txt
stamp="$runtime/.vetted-requirements"

case "$runtime" in
  /root|/root/*) echo "setup-runtime: error: the runtime must live outside /root (got $runtime)" >&2; exit 1 ;;
esac

if [ -f "$stamp" ] && cmp -s "$stamp" "$requirements"; then
  echo "setup-runtime: $runtime is current"
  exit 0
fi

echo "setup-runtime: building $runtime (pytest, numpy, pandas, scikit-learn, fastapi, httpx, ruff)"
# A venv records its own path, so it is built in place; the stamp is written last, so an
# interrupted build is redone on the next run.
rm -rf "$runtime"
/usr/bin/python3 -m venv "$runtime"
"$runtime/bin/pip" install -q --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
chmod -R a+rX "$runtime"
echo "setup-runtime: ok ($("$runtime/bin/python3" --version))"
