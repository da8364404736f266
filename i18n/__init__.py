"""Translation of every user-visible string (English source, Simplified Chinese in zh_CN.ts).

`tr()` uses the "@default" context, which is where pylupdate5 files a bare `tr("…")` call, so
the extracted .ts matches the run-time lookup. `scripts/update_translations.sh` refreshes the
.ts sources from the code and compiles the .qm files.
"""

from __future__ import annotations

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

_FOLDER = os.path.dirname(__file__)
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("@default", text)


def user_locale() -> str:
    """QGIS's interface locale (Settings ▸ Options ▸ General), else the system locale."""
    return QgsApplication.locale() or QLocale.system().name()


#: Traditional Chinese locales, which the Simplified Chinese translation does not serve.
TRADITIONAL = ("hant", "tw", "hk", "mo")


def install_translator(locale: str | None = None) -> str | None:
    """Load the .qm for `locale` (e.g. 'zh_CN', 'zh', or 'zh-Hans' as QGIS names Simplified
    Chinese); return its path, or None for English."""
    locale = (locale or user_locale()).replace("-", "_")
    parts = locale.split("_")
    candidates = [locale, parts[0]]
    if parts[0] == "zh" and not any(p.lower() in TRADITIONAL for p in parts[1:]):
        candidates.append("zh_CN")
    for name in candidates:
        path = os.path.join(_FOLDER, f"territorial_resilience_{name}.qm")
        if os.path.exists(path):
            remove_translators()
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
                return path
    return None


def remove_translators() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
