"""Help texts of the algorithms, as data: one module per algorithm id (e.g. `riskzoning.py`) with
HELP (purpose, parameters, formulas, units, references) and CHECKS (what it refuses and what it
reports instead of guessing), each a tuple of (context, text) parts. Each part is one translatable
string in the context of its algorithm's class, so that a translator sees it whole and where it
appears; the parts several algorithms share (`shared.py`) have contexts of their own. The texts
are translated when the help is shown, so a change of language applies at once."""

from __future__ import annotations

import importlib

from qgis.PyQt.QtCore import QCoreApplication

from ....i18n import tr

Parts = tuple[tuple[str, str], ...]


def QT_TRANSLATE_NOOP(context: str, text: str) -> tuple[str, str]:  # noqa: N802 (the name pylupdate5 collects)
    """Marks `text` for translation in `context` (collected by pylupdate5) and keeps both."""
    return context, text


def _translated(parts: Parts, separator: str) -> str:
    return separator.join(QCoreApplication.translate(context, text) for context, text in parts)


def help_html(alg_id: str) -> str:
    """The help shown beside the algorithm's dialog (shortHelpString); empty for an unknown id."""
    try:
        module = importlib.import_module(f".{alg_id}", __name__)
    except ImportError:
        return ""
    from .shared import OUTPUT_CHECKS

    text = _translated(module.HELP, "")
    if module.CHECKS:
        text += f"<h3>{tr('Checks')}</h3><p>{_translated(module.CHECKS + (OUTPUT_CHECKS,), ' ')}</p>"
    return text
