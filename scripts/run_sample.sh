#!/usr/bin/env bash
# The main job: sets the machine up (scripts/setup.sh) and runs the multi-hazard risk path
# headless on the bundled sample county. Usage: scripts/run_sample.sh [OUTPUT_DIR] (default ./output)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec /usr/bin/python3 scripts/main_job.py --out "${1:-output}"
