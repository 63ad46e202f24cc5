#!/usr/bin/env bash
# One entry point for people and CI. Usage:
#   bash dev.sh site    # install into .venv and build the example archive into site/
#   bash dev.sh serve   # the same, then serve it on http://127.0.0.1:8000/ with live reload
#   bash dev.sh test    # install the test extras and Debian's Chromium, run the whole suite
#   bash dev.sh bench   # run the benchmarks and print their tables
set -euo pipefail
export NO_MKDOCS_2_WARNING=1  # we pin mkdocs<2 already; the banner would bury real messages
cd "$(dirname "$0")"
VENV=${VENV:-.venv}
PY=${PYTHON:-python3}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    # Debian splits venv support into python3-venv; install it when the first try fails.
    "$PY" -m venv "$VENV" 2>/dev/null || {
      rm -rf "$VENV"
      as_root apt-get update -qq && as_root apt-get install -y -qq python3-venv >/dev/null
      "$PY" -m venv "$VENV"
    }
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e ".$1"
}

chromium() {
  # Browser tests drive Debian's Chromium (no browser downloads); install it when missing.
  if [ ! -x /usr/bin/chromium ]; then
    as_root apt-get update -qq && as_root apt-get install -y -qq chromium fonts-liberation >/dev/null
  fi
}

lighthouse() {
  # Lighthouse (npm) audits pages in the suite with Debian's Chromium; Node.js from Debian when
  # the machine has none. Pinned: the version the audit kit (../shared/audit) is proven with.
  if [ ! -x .cache/tools/node_modules/.bin/lighthouse ]; then
    command -v npm >/dev/null || { as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm >/dev/null; }
    npm install --prefix .cache/tools --no-audit --no-fund --loglevel=error lighthouse@12.8.2 >/dev/null
  fi
}

case "${1:-}" in
  site)  venv "" && "$VENV/bin/mkdocs" build ;;
  serve) venv "" && "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000 ;;
  test)
    venv "[test]"
    chromium
    lighthouse
    "$VENV/bin/ruff" check scripts tests benchmarks
    set +e
    "$VENV/bin/python" -m pytest -n 2 "${@:2}"
    rc=$?
    set -e
    # pytest exits 5 when it collected no tests: that is a broken suite, not a pass.
    [ "$rc" -eq 5 ] && { echo "dev.sh: pytest collected no tests" >&2; exit 1; }
    exit "$rc" ;;
  bench) venv "[test,bench]" && "$VENV/bin/python" -m benchmarks "${@:2}" ;;
  *) sed -n '2,6p' "$0" >&2; exit 2 ;;
esac
