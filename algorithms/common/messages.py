"""Messages the core reports to the user (errors about the input, notes about a result), in a
translatable form.

The core never imports Qt, so it cannot translate. It keeps an English template and its values;
the QGIS layer looks the template up in the translations and formats it. `tr()` here only marks
the template so that pylupdate5 collects it into the .ts files.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional


def tr(text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """`template.format(**values)`, translatable by the caller."""

    template: str
    values: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.values)

    def translated(self, translate: Callable[[str], str]) -> str:
        """The message in the caller's language; a value that is itself a Message is translated too."""
        try:
            values = {k: v.translated(translate) if isinstance(v, Message) else v for k, v in self.values.items()}
            return translate(self.template).format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken placeholder must not hide the message itself.
            return str(self)


class InputError(ValueError):
    """Bad input explained in plain words: `template.format(**values)`."""

    def __init__(self, template: str, **values: Any):
        self.message = Message(template, values)
        super().__init__(str(self.message))

    def translated(self, translate: Callable[[str], str]) -> str:
        return self.message.translated(translate)


def say(callback: Optional[Callable[[Message], None]], message: Message) -> None:
    """Hand `message` to the caller's log or warn callback, if it gave one."""
    if callback is not None:
        callback(message)


def fmt(value: float, digits: int = 4) -> str:
    """Numbers for people (reports, notes): integers with thousands separators, 2 decimals from
    1 upwards (1 from 1000), `digits` significant digits below 1."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.1f}"
    if magnitude >= 1:
        return f"{value:,.2f}"
    if magnitude == 0:
        return "0"
    return f"{value:.{digits}g}"
