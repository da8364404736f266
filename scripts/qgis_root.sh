#!/usr/bin/env bash
# Another QGIS on this Debian 12 machine: a Debian 13 ("trixie") root file system made with
# debootstrap from Debian's archive, with QGIS and the geo stack from Debian's packages, in which
# the checkout's tests and main job run.
#
#   scripts/qgis_root.sh FLAVOUR COMMAND [ARG …]
#
# FLAVOUR: qgis340 — trixie: QGIS 3.40 LTR, Python 3.13, GDAL 3.10, numpy 2, shapely 2
#          qgis344 — trixie + trixie-backports: QGIS 3.44
# COMMAND runs in the checkout (mounted at the same path inside the root) with the root's venv
# (/opt/tsr-venv, --system-site-packages, the pinned test tools) first on PATH.
#
# The roots live outside the checkout in $TSR_ROOT_CACHE (default /var/cache/tsr-ci), are built
# once (about 3 minutes and 3 GB each) and reused; a root whose package list or test requirements
# changed, or that is missing or half-built, is built again. Mounts are made in a private mount
# namespace (unshare), so nothing stays mounted when the command ends, whatever happens.
# Needs root (debootstrap, chroot); without it, says so and exits 2.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOUT=$PWD

FLAVOUR=${1:?usage: scripts/qgis_root.sh qgis340|qgis344 COMMAND [ARG …]}
shift
case "$FLAVOUR" in
  qgis340) BACKPORTS="" ;;
  qgis344) BACKPORTS="trixie-backports" ;;
  *) echo "unknown flavour '$FLAVOUR' (qgis340 or qgis344)" >&2; exit 2 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/qgis_root.sh needs root (debootstrap, chroot, mount); run it with sudo" >&2
  exit 2
fi

MIRROR=${TSR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=${TSR_ROOT_CACHE:-/var/cache/tsr-ci}
ROOT=$CACHE/$FLAVOUR
PACKAGES=(qgis python3-qgis qgis-providers python3-rasterio python3-scipy python3-shapely python3-pyqtgraph
  python3-gdal gdal-bin python3-venv python3-pip ca-certificates xvfb xauth fonts-noto-cjk
  pyqt5-dev-tools qttools5-dev-tools e2fsprogs grass-core poppler-utils python3-dask python3-distributed python3-skimage)
STAMP_TEXT="$FLAVOUR ${PACKAGES[*]} $(sha256sum requirements-test.txt | cut -c1-16)"

in_root() {  # in_root ROOT COMMAND…: run COMMAND in ROOT with /proc, /sys, /dev and the checkout mounted
  local root=$1
  shift
  mkdir -p "$root$CHECKOUT"
  unshare --mount --propagation private -- /bin/bash -c '
    set -e
    root=$1 checkout=$2
    shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mount --bind "$checkout" "$root$checkout"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
      PATH=/opt/tsr-venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      PIP_CERT=/etc/ssl/certs/tsr-host-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
      QT_QPA_PLATFORM=offscreen CI="${CI:-}" "$@"
  ' in_root "$root" "$CHECKOUT" "$@"
}

build_root() {
  local build=$ROOT.building
  echo "Building the $FLAVOUR root in $ROOT (debootstrap trixie; a few minutes, once)"
  rm -rf "$build"
  mkdir -p "$CACHE"
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase --include=ca-certificates trixie "$build" "$MIRROR" >/dev/null
  # The host's CA bundle, for pip behind an intercepting proxy.
  cp /etc/ssl/certs/ca-certificates.crt "$build/etc/ssl/certs/tsr-host-ca.crt"
  local target=""
  if [ -n "$BACKPORTS" ]; then
    echo "deb $MIRROR $BACKPORTS main" > "$build/etc/apt/sources.list.d/backports.list"
    target="-t $BACKPORTS"
  fi
  in_root "$build" /bin/bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $target ${PACKAGES[*]} >/dev/null"
  in_root "$build" /bin/bash -c "python3 -m venv --system-site-packages /opt/tsr-venv && \
    python3 -c 'import numpy, scipy; print(f\"numpy=={numpy.__version__}\nscipy=={scipy.__version__}\")' > /tmp/constraints.txt && \
    /opt/tsr-venv/bin/python -m pip install -q -c /tmp/constraints.txt -r $CHECKOUT/requirements-test.txt"
  in_root "$build" /bin/bash -c "apt-get clean"
  echo "$STAMP_TEXT" > "$build/.tsr-root"
  rm -rf "$ROOT"
  mv "$build" "$ROOT"
}

if [ ! -f "$ROOT/.tsr-root" ] || [ "$(cat "$ROOT/.tsr-root")" != "$STAMP_TEXT" ]; then
  build_root
fi
in_root "$ROOT" /bin/bash -c 'cd "$0" && exec "$@"' "$CHECKOUT" "$@"
