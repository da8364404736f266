#!/usr/bin/env bash
# Refresh the translation sources from the code and compile them:
#   pylupdate5 collects every tr("…") of the plugin into i18n/*.ts (existing translations kept),
#   lrelease compiles each .ts into the .qm that QGIS loads.
# Debian: apt install pyqt5-dev-tools qttools5-dev-tools
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.py' | grep -vE '^(tests|benchmarks|scripts|sample_data)/' ; \
  git ls-files --others --exclude-standard '*.py' | grep -vE '^(tests|benchmarks|scripts|sample_data)/')
for ts in i18n/territorial_resilience_zh_CN.ts; do
  pylupdate5 -noobsolete "${sources[@]}" -ts "$ts" 2>/dev/null
  lrelease -silent "$ts" -qm "${ts%.ts}.qm"
  unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "$ts: $unfinished unfinished"
done
