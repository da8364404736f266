"""Lists of numbers typed by users: weights, breaks, matrices.

Commas, semicolons, spaces and new lines separate values, and so do the full-width "，" "；"
and "、" that a Chinese input method types; '.' is the decimal separator.
"""

from __future__ import annotations

import math
import re
from typing import Sequence

from .messages import InputError, tr

SEPARATORS = re.compile(r"[,;，；、\s]+")


def split_numbers(text: str) -> list[str]:
    """'0.2，0.4; 1/3' → ['0.2', '0.4', '1/3']."""
    return [token for token in SEPARATORS.split(text.strip()) if token]


def parse_numbers(text: str | Sequence[float] | None, what: str = "", finite: bool = True) -> list[float]:
    """The numbers of a typed list; fractions such as '1/3' (no spaces) are accepted, as in AHP
    judgements. An empty text gives an empty list. 'nan' and 'inf', which Python's float()
    reads, are refused: no list of weights, breaks, distances or judgements may hold them.
    `what` (e.g. the parameter's name) starts the error message; `finite=False` lets them through
    for a caller that names their place itself (a matrix's row and column)."""
    if text is None:
        return []
    tokens = split_numbers(text) if isinstance(text, str) else list(text)
    values = []
    for token in tokens:
        try:
            if isinstance(token, str) and "/" in token:
                num, den = token.split("/", 1)
                value = float(num) / float(den)
            else:
                value = float(token)
        except (ValueError, TypeError, ZeroDivisionError):
            raise InputError(tr("{what}'{token}' is not a number"), what=f"{what}: " if what else "", token=token) from None
        if finite and not math.isfinite(value):
            raise InputError(tr("{what}'{token}' is not a finite number"), what=f"{what}: " if what else "", token=token)
        values.append(value)
    return values
