#!/usr/bin/env bash
# Install what Vetted needs on a Debian 12 machine. Idempotent: safe to run twice.
#
#   scripts/setup.sh        what `make run` / `make test` need (Swift + a few handy tools)
#   scripts/setup.sh --ci   also what .ci/run needs: PostgreSQL, Chromium, chromedriver, Selenium
#
# Only missing Debian packages are installed, and `apt-get update` runs only when
# something must be installed, so a second run is quick and touches nothing.
set -euo pipefail

ci=0
case "${1:-}" in
  "") ;;
  --ci) ci=1 ;;
  *) echo "usage: $0 [--ci]" >&2; exit 2 ;;
esac

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: error: 'swift' is not on PATH. Install Swift 6 (e.g. under /opt/swift) and add its usr/bin to PATH." >&2
  exit 1
fi

# poppler-utils: pdftotext, which reads PDF resumes on import. bubblewrap, python3-venv
# and util-linux (setpriv): the sandbox that runs candidates' code, and its runtime.
packages=(sqlite3 ca-certificates poppler-utils bubblewrap python3-venv util-linux libssl-dev openssl)
if [ "$ci" = 1 ]; then
  # curl: health polling in .ci/run; postgresql: the PostgreSQL test pass;
  # chromium + chromium-driver: the browser journey (Debian's driver matches Debian's browser).
  packages+=(curl postgresql chromium chromium-driver)
fi

missing=()
for p in "${packages[@]}"; do
  # dpkg -s succeeds for removed-but-configured packages too; check the status line.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: Debian packages present (${packages[*]})"
fi

scripts/setup-runtime.sh

if [ "$ci" = 1 ]; then
  # Selenium for scripts/browser_journey.py, into the same python3 that runs it.
  if python3 -c 'import selenium' 2>/dev/null; then
    echo "setup: selenium present ($(python3 -c 'import selenium; print(selenium.__version__)'))"
  else
    echo "setup: installing selenium from PyPI"
    # A Debian-managed python3 refuses pip (PEP 668); a pyenv one does not.
    python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore selenium \
      || python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --break-system-packages selenium
  fi
fi

echo "setup: ok"
