#!/usr/bin/env bash
# Screenshots of the SETS guide in English and Chinese, taken from a real QGIS window under Xvfb
# (isolated profiles; see scripts/screenshots.py):
#   scripts/screenshots.sh [OUT_DIR]        default: docs/screenshots
# Needs QGIS, xvfb and fonts-noto-cjk (Debian: apt install qgis xvfb fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 scripts/screenshots.py "$@"
