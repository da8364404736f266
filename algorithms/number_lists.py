"""Lists of numbers typed by users: weights, breaks, matrices.

Commas, semicolons, spaces and new lines separate values, and so do the full-width "，" "；"
and "、" that a Chinese input method types; '.' is the decimal separator.
"""

from __future__ import annotations

import re
from typing import Sequence

from .messages import InputError, tr

SEPARATORS = re.compile(r"[,;，；、\s]+")


def split_numbers(text: str) -> list[str]:
    """'0.2，0.4; 1/3' → ['0.2', '0.4', '1/3']."""
    return [token for token in SEPARATORS.split(text.strip()) if token]


def parse_numbers(text: str | Sequence[float] | None) -> list[float]:
    """The numbers of a typed list; fractions such as '1/3' (no spaces) are accepted, as in AHP
    judgements. An empty text gives an empty list."""
    if text is None:
        return []
    if not isinstance(text, str):
        return [float(v) for v in text]
    values = []
    for token in split_numbers(text):
        try:
            if "/" in token:
                num, den = token.split("/", 1)
                values.append(float(num) / float(den))
            else:
                values.append(float(token))
        except (ValueError, ZeroDivisionError):
            raise InputError(tr("'{token}' is not a number"), token=token) from None
    return values
