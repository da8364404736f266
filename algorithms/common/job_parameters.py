"""The parameters of a batch job as `qgis_process run` writes them: PARAM=VALUE text, read into
Python values with the Processing parameters' rules (see engine/batch.py).

Enums are given by index, booleans as true/false (1/0, yes/no), numbers with '.' as the decimal
separator and checked against the Processing parameter's bounds, lists of numbers as one
comma-separated value, several layers by repeating the parameter. An optional parameter given
empty is absent. Errors are InputError naming the parameter.
"""

from __future__ import annotations

import math
from typing import Mapping, Sequence

from .messages import InputError, tr
from .parsing import parse_flag, to_number


class JobParameters:
    """PARAM → values (as engine.batch.TextParameters), checked against the parameter names of
    one algorithm: `known` (every name it has) and `required` (those without a default)."""

    def __init__(self, algorithm: str, values: Mapping[str, Sequence[str]], known: Sequence[str], required: Sequence[str] = ()):
        self.algorithm = algorithm
        self.known = tuple(known)
        unknown = sorted(name for name in values if name not in self.known)
        if unknown:
            raise InputError(
                tr("{algorithm} has no parameter {names}; its parameters are {known}"),
                algorithm=algorithm,
                names=", ".join(unknown),
                known=", ".join(self.known),
            )
        self.values = {name: [str(v) for v in values[name]] for name in values}
        missing = [name for name in required if not self.text(name)]
        if missing:
            raise InputError(tr("{algorithm} needs the parameter {names}"), algorithm=algorithm, names=", ".join(missing))

    def _single(self, name: str) -> str | None:
        given = self.values.get(name)
        if not given:
            return None
        if len(given) > 1:
            raise InputError(tr("{name} was given {count} times; it takes one value"), name=name, count=len(given))
        return given[0]

    def text(self, name: str, default: str = "") -> str:
        """A text parameter (default when absent)."""
        value = self._single(name)
        return default if value is None else value

    def path(self, name: str) -> str | None:
        """A file (layer or destination) parameter: None when absent or empty."""
        value = self.text(name).strip()
        return value or None

    def paths(self, name: str) -> list[str]:
        """A multiple-layer parameter: every value given, in order (empty ones left out)."""
        return [v.strip() for v in self.values.get(name, []) if v.strip()]

    def number(self, name: str, default: float | None, minimum: float | None = None, maximum: float | None = None) -> float | None:
        """A number parameter within [minimum, maximum] (the Processing parameter's bounds);
        `default` when absent or empty (None for an optional number without default)."""
        value = self.text(name).strip()
        if not value:
            return default
        number = to_number(value)
        if number is None:
            raise InputError(tr("{name}: '{value}' is not a number"), name=name, value=value)
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            low = "−∞" if minimum is None else f"{minimum:g}"
            high = "∞" if maximum is None else f"{maximum:g}"
            raise InputError(tr("{name}: {value} is outside the range {low} to {high}"), name=name, value=value, low=low, high=high)
        return number

    def integer(self, name: str, default: int | None, minimum: int | None = None, maximum: int | None = None) -> int | None:
        """A whole-number parameter (as number, and whole)."""
        number = self.number(name, None, minimum, maximum)
        if number is None:
            return default
        if not float(number).is_integer():
            raise InputError(tr("{name}: '{value}' is not a whole number"), name=name, value=self.text(name).strip())
        return int(number)

    def enum(self, name: str, default: int, options: Sequence[str]) -> int:
        """An enum parameter by index (0 … len(options) − 1), as qgis_process takes it."""
        value = self.text(name).strip()
        if not value:
            return default
        number = to_number(value)
        if number is None or not float(number).is_integer() or not 0 <= number < len(options):
            listed = "; ".join(f"{i} = {option}" for i, option in enumerate(options))
            raise InputError(tr("{name}: '{value}' is not one of the options ({options})"), name=name, value=value, options=listed)
        return int(number)

    def flag(self, name: str, default: bool) -> bool:
        """A boolean parameter: true/false, 1/0, yes/no."""
        value = self.text(name).strip()
        if not value:
            return default
        parsed = parse_flag(value)
        if parsed is None:
            raise InputError(tr("{name}: '{value}' is neither true nor false"), name=name, value=value)
        return parsed


def plain_number(value: float) -> float | None:
    """A float for an output dict (None for NaN, as QGIS gives NULL)."""
    value = float(value)
    return value if math.isfinite(value) else None
