"""Texts in both languages of the dossier and numbers written for people.

The dossier's language is a parameter (Chinese, English or both), not the interface language,
so its sentences carry both versions; numbers are formatted per language: English groups
thousands with a no-break space (2 259.5 ha) and keeps a space before the unit, Chinese writes
2259.5 公顷 (no space before %). No-break spaces keep a number and its unit on one line."""

from __future__ import annotations

import math
from dataclasses import dataclass

NBSP = "\u00a0"
LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Text:
    en: str
    zh: str

    def __call__(self, language: str) -> str:
        return self.zh if language == "zh" else self.en

    def format(self, **values) -> "Text":
        return Text(self.en.format(**values), self.zh.format(**values))


def number(value: float, decimals: int, language: str) -> str:
    """`value` rounded to `decimals`; thousands grouped by a no-break space in English."""
    if value is None or not math.isfinite(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP if language == "en" else "")


def shown(value: float, decimals: int, language: str, unit: str = "") -> str:
    """A number with its unit: '27.5 %', '2 259.5 ha' (English) or '27.5%', '2259.5公顷'."""
    text = number(value, decimals, language)
    if not unit:
        return text
    zh_units = {"ha": "公顷", "km": "千米", "m": "米", "%": "%", "m²": "平方米", "min": "分钟", "persons": "人"}
    if language == "zh":
        return text + ("" if unit == "%" else NBSP) + zh_units.get(unit, unit)
    return text + NBSP + unit
