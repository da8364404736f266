#!/usr/bin/env bash
# The test command: sets the machine up (scripts/setup.sh) and runs the whole test suite and the
# main job headless on every QGIS the planners use:
#   host     QGIS 3.22 of Debian 12 (Python 3.11, GDAL 3.6, numpy 1.24, shapely 1.8)
#   qgis340  QGIS 3.40 LTR of Debian 13 in a debootstrap root (Python 3.13, GDAL 3.10, numpy 2, shapely 2)
#   qgis344  QGIS 3.44 of trixie-backports in another root
# (the bad-input suite of tests/hostile on 3.22 only, and the QGIS-free tests/core not on 3.44,
# whose Python stack is 3.40's, for time)
# The roots are built once into /var/cache/tsr-ci (scripts/qgis_root.sh) and reused.
#
#   scripts/run_tests.sh [PYTEST ARGS …]
#
# First the linter: `ruff check` and `ruff format --check` (settings in ruff.toml).
# TSR_QGIS picks the QGIS versions (default "host qgis340 qgis344"); TSR_MAIN_JOB=0 skips the main
# job and TSR_LINT=0 the linter (e.g. `TSR_QGIS=host TSR_MAIN_JOB=0 TSR_LINT=0 scripts/run_tests.sh tests/core`);
# TSR_PARALLEL=1 runs the versions one after the other instead of side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

VERSIONS=${TSR_QGIS:-host qgis340 qgis344}
MAIN_JOB=${TSR_MAIN_JOB:-1}
summary=()
status=0
if [ "${TSR_LINT:-1}" = 1 ]; then
  echo "=== lint ==="
  if .venv/bin/ruff check --quiet . && .venv/bin/ruff format --check --quiet .; then
    summary+=("lint: passed")
  else
    summary+=("lint: failed"); status=1
  fi
fi
# One QGIS version: the test suite, then the main job; its log and a summary line in $logs.
run_version() {
  local version=$1 start=$SECONDS runner python result=passed
  shift
  echo "=== $version: test suite ==="
  if [ "$version" = host ]; then
    export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    runner=(env)
    python=.venv/bin/python
  else
    runner=(scripts/qgis_root.sh "$version" env XDG_RUNTIME_DIR=/tmp/runtime-root)
    python=python
    "${runner[@]}" /bin/bash -c 'mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"'
  fi
  # The bad-input suite (tests/hostile, 202 qgis_process runs) is split between 3.22 and 3.44,
  # every other case on each (HOSTILE_SHARE), which keeps CI within 30 minutes; 3.40 runs
  # everything else (its bad input is also met by the hostile-input tests of each algorithm's
  # own test file). tests/core imports no QGIS: it runs on each Python stack — Debian 12's (3.22)
  # and Debian 13's (3.40) — and not again on 3.44, whose root has the very same one. The 15
  # slowest tests are listed in each log. Explicit pytest arguments are passed as given.
  local args=("$@") share=0/1
  if [ $# -eq 0 ]; then
    args=(--durations=15)
    case "$version" in
      host) share=0/2 ;;
      qgis340) args+=(--ignore=tests/hostile) ;;
      qgis344) share=1/2; args+=(--ignore=tests/core) ;;
    esac
  fi
  "${runner[@]}" HOSTILE_SHARE="$share" "$python" -m pytest "${args[@]}" || result=failed
  if [ "$MAIN_JOB" = 1 ]; then
    echo "=== $version: main job ==="
    "${runner[@]}" "$python" -c 'import os, subprocess, sys, tempfile
with tempfile.TemporaryDirectory(prefix="tsr-main-job-") as out:
    done = subprocess.run([sys.executable, "scripts/main_job.py", "--out", out], capture_output=True, text=True)
    print((done.stdout + done.stderr)[-4000:] if done.returncode else done.stdout.splitlines()[-1])
sys.exit(done.returncode)' || result="$result, main job failed"
  fi
  echo "$version: tests $result in $((SECONDS - start)) s" > "$logs/$version.summary"
}

# The versions run side by side (TSR_PARALLEL at a time, default all): each is mostly one process,
# so two cores finish them in about half the time of one after the other. Each log is printed
# whole when its version is done; the roots are built first, one at a time.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
for version in $VERSIONS; do
  [ "$version" = host ] || scripts/qgis_root.sh "$version" true
done
parallel=${TSR_PARALLEL:-0}
running=0
for version in $VERSIONS; do
  run_version "$version" "$@" > "$logs/$version.log" 2>&1 &
  running=$((running + 1))
  if [ "$parallel" -gt 0 ] && [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true
for version in $VERSIONS; do
  cat "$logs/$version.log"
  if [ -f "$logs/$version.summary" ]; then
    summary+=("$(cat "$logs/$version.summary")")
    grep -q "passed in" "$logs/$version.summary" && ! grep -q "failed" "$logs/$version.summary" || status=1
  else
    summary+=("$version: did not finish"); status=1
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
