#!/usr/bin/env bash
# Everything the toolkit needs on a fresh Debian 12 machine: QGIS and the geo stack from Debian
# (so that rasterio and QGIS share one GDAL), and a venv on top of them for the test tools.
# Idempotent: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(qgis python3-qgis qgis-providers python3-rasterio python3-scipy python3-shapely
  python3-pyqtgraph python3-gdal gdal-bin python3-venv xvfb xauth pyqt5-dev-tools qttools5-dev-tools
  fonts-noto-cjk grass-core poppler-utils python3-dask python3-distributed python3-skimage)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
# Keep Debian's numpy and scipy: rasterio and GDAL are built against them.
constraints=$(mktemp)
/usr/bin/python3 - > "$constraints" <<'PY'
import numpy, scipy
print(f"numpy=={numpy.__version__}\nscipy=={scipy.__version__}")
PY
.venv/bin/python -m pip install -q --disable-pip-version-check -c "$constraints" -r requirements-test.txt -r requirements-lint.txt
rm -f "$constraints"
