"""Messages the core reports to the user (errors about the input, notes about a result), in a
translatable form.

The core never imports Qt, so it cannot translate. It keeps an English template and its values;
the QGIS layer looks the template up in the translations and formats it. `tr()` here only marks
the template so that pylupdate5 collects it into the .ts files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


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
        try:
            return translate(self.template).format(**self.values)
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
