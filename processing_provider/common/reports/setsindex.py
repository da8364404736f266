"""Report of tsr:setsindex: set-up, indicator weights per dimension, notes, units per grade, unit
profiles (S / E / T bars) and the parent units; and the labels the algorithm shares with it.

Report strings are translated in the algorithm's context ("SetsIndex"), written as
`translate("SetsIndex", "…")` so that pylupdate5 files them there; the core's labels (grades,
levels, dimensions) are marked in the core and translated with the shared `tr`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from qgis.PyQt.QtCore import QCoreApplication

from ....algorithms.common.messages import Message
from ....algorithms.mcda.sets_index import (
    DIMENSION_NAMES,
    DIMENSION_NAMES_ZH,
    DIMENSION_WORDS,
    DIMENSIONS,
    GRADE_LABELS,
    LEVEL_LABELS,
    ParentResult,
    SetsResult,
    Weighting,
    grade_counts,
    rank_order,
    resilience_formula,
)
from ....i18n import tr
from .. import report, styles

translate = QCoreApplication.translate


def grade_label(g: int) -> str:
    """Grade label in the user's language (低 / 较低 / 中 / 较高 / 高 in Chinese)."""
    return tr(GRADE_LABELS[0][g - 1])


def population_text(value: float) -> str:
    return f"{value:,.0f}" if math.isfinite(value) else "–"


def dimension_label(d: int) -> str:
    return f"{tr(DIMENSION_NAMES[d])} ({DIMENSIONS[d]})"


def localised(message: Message) -> str:
    """A core message in the user's language, its dimension words ("social", …) included."""
    values = {k: tr(v) if isinstance(v, str) and v in DIMENSION_WORDS else v for k, v in message.values.items()}
    return Message(message.template, values).translated(tr)


@dataclass(frozen=True)
class SetsReport:
    """What the SETS report shows: the scores of the units (named by `names`), the display names
    of the weighting and aggregation methods, the parent units (None without a parent field,
    aggregated by `parent_field`) and notes of the wrapper (units without geometry)."""

    result: SetsResult
    names: Sequence[str]
    weighting_name: str
    aggregation_name: str
    parent: ParentResult | None = None
    parent_field: str = ""
    extra_notes: Sequence[str] = field(default=())


def sets_report(content: SetsReport) -> str:
    result, parent, names = content.result, content.parent, content.names
    sections = [
        (translate("SetsIndex", "Set-up"), setup_html(content)),
        (translate("SetsIndex", "Indicator weights ({method})").format(method=content.weighting_name), weights_html(result)),
    ]
    notes = [localised(n) for n in result.notes + (parent.notes if parent is not None else ())] + list(content.extra_notes)
    if notes:
        sections.append((translate("SetsIndex", "Notes"), "".join(f'<p class="warn">{report.esc(n)}</p>' for n in notes)))
    sections.append((translate("SetsIndex", "Units per grade"), grades_html(result)))
    order = rank_order(result.ranks)
    profiles = profiles_html(
        [names[i] for i in order],
        result.indices[order],
        result.resilience[order],
        result.grades[order],
        [result.weakest[i] for i in order],
        result.ranks[order],
    )
    sections.append((translate("SetsIndex", "Unit profiles"), profiles))
    if parent is not None:
        sections.append(parents_section(parent, content.parent_field))
    return report.document(translate("SetsIndex", "SETS resilience report"), sections)


def setup_html(content: SetsReport) -> str:
    result = content.result
    spec = result.spec
    rows = [
        (translate("SetsIndex", "Level of the units"), tr(LEVEL_LABELS[0][spec.level])),
        (translate("SetsIndex", "Units"), str(result.m)),
        (translate("SetsIndex", "Normalisation"), translate("SetsIndex", "min–max over the units; negative indicators reversed (1 − r)")),
        (translate("SetsIndex", "Indicator weighting"), content.weighting_name),
        (translate("SetsIndex", "Dimension index"), "D = Σ wⱼ·rⱼ  (Σ w = 1 " + translate("SetsIndex", "within each dimension") + ")"),
        (translate("SetsIndex", "Aggregation of the dimensions"), content.aggregation_name),
        (translate("SetsIndex", "Dimension weights S, E, T"), ", ".join(f"{w:.4g}" for w in spec.dimension_weights)),
        (
            translate("SetsIndex", "Grading rule"),
            translate(
                "SetsIndex", "equal intervals of R: 1 low (R ≤ 0.2), 2 relatively low (≤ 0.4), 3 medium (≤ 0.6), 4 relatively high (≤ 0.8), 5 high"
            ),
        ),
        (translate("SetsIndex", "Mean resilience"), f"{float(result.resilience.mean()):.4f}"),
    ]
    html = report.table([translate("SetsIndex", "Item"), translate("SetsIndex", "Value")], rows, left_columns=2)
    return html + f'<p class="formula">{report.esc(resilience_formula(spec))}</p>'


def grades_html(result: SetsResult) -> str:
    counts = grade_counts(result.grades)
    # The fixed Chinese label is shown beside the interface's own, unless that is Chinese already.
    bilingual = grade_label(1) != GRADE_LABELS[1][0]
    html = report.table(
        [translate("SetsIndex", "Grade"), translate("SetsIndex", "Label")] + (["中文"] if bilingual else []) + [translate("SetsIndex", "Units")],
        [[g, grade_label(g)] + ([GRADE_LABELS[1][g - 1]] if bilingual else []) + [counts[g - 1]] for g in range(1, 6)],
        left_columns=3 if bilingual else 2,
    )
    return html + report.bar_chart([grade_label(g) for g in range(1, 6)], counts, "", list(styles.RESILIENCE_COLOURS))


def parents_section(parent: ParentResult, parent_field: str) -> tuple[str, str]:
    order = rank_order(parent.ranks)
    if math.isfinite(float(parent.population[0])):
        heading = translate("SetsIndex", "Parent units ({level}, by '{field}', population-weighted means)")
    else:
        heading = translate("SetsIndex", "Parent units ({level}, by '{field}', unweighted means)")
    html = profiles_html(
        [str(parent.keys[g]) for g in order],
        parent.indices[order],
        parent.resilience[order],
        parent.grades[order],
        [parent.weakest[g] for g in order],
        parent.ranks[order],
        (
            [translate("SetsIndex", "Units"), translate("SetsIndex", "Population")],
            [[str(len(parent.members[g])), population_text(float(parent.population[g]))] for g in order],
        ),
    )
    return heading.format(level=tr(LEVEL_LABELS[0][parent.level]), field=parent_field), html


def weights_html(result: SetsResult) -> str:
    """Per dimension: a table of its indicators (direction, the weighting method's own columns,
    weights, range, nulls imputed) and a bar chart of their weights."""
    spec = result.spec
    parts = []
    extra_headers = {
        Weighting.EQUAL: [],
        Weighting.ENTROPY: [translate("SetsIndex", "Entropy e"), "1 − e"],
        Weighting.CRITIC: ["σ", translate("SetsIndex", "Conflict Σ(1 − ρ)"), "C = σ·Σ(1 − ρ)"],
        Weighting.GIVEN: [translate("SetsIndex", "Given weight")],
    }[spec.weighting]
    any_constant = any(i.constant for i in result.indicators)
    headers = (
        [translate("SetsIndex", "Field"), translate("SetsIndex", "Direction")]
        + extra_headers
        + [
            translate("SetsIndex", "Weight in dimension"),
            translate("SetsIndex", "Overall weight"),
            translate("SetsIndex", "Minimum"),
            translate("SetsIndex", "Maximum"),
            translate("SetsIndex", "Nulls imputed (mean)"),
        ]
        + ([translate("SetsIndex", "Note")] if any_constant else [])
    )
    for d in range(3):
        rows = []
        indicators = [i for i in result.indicators if i.dimension == d]
        for ind in indicators:
            extra = {
                Weighting.EQUAL: [],
                Weighting.ENTROPY: [ind.entropy, 1.0 - ind.entropy],
                Weighting.CRITIC: [ind.sigma, ind.conflict, ind.information],
                Weighting.GIVEN: [ind.given],
            }[spec.weighting]
            nulls = str(len(ind.imputed)) if ind.imputed else "0"
            rows.append(
                [ind.name, "−" if ind.negative else "+"]
                + [f"{x:.4f}" for x in extra]
                + [f"{ind.weight:.4f}", f"{ind.overall:.4f}", ind.minimum, ind.maximum, nulls + (" → " + report.fmt(ind.fill) if ind.imputed else "")]
                + ([translate("SetsIndex", "constant: weight 0") if ind.constant else ""] if any_constant else [])
            )
        title = translate("SetsIndex", "{dimension} · {zh} — dimension weight {weight:.4g}").format(
            dimension=dimension_label(d), zh=DIMENSION_NAMES_ZH[d], weight=spec.dimension_weights[d]
        )
        parts.append(f"<h3>{report.esc(title)}</h3>")
        parts.append(report.table(headers, rows, left_columns=2))
        colours = [styles.DIMENSION_COLOURS[d]] * len(indicators)
        parts.append(report.bar_chart([i.name for i in indicators], [100.0 * i.weight for i in indicators], " %", colours))
    return "".join(parts)


def profile_svg(indices) -> str:
    """Three small bars S, E, T (0–1) as inline SVG."""
    width, bar = 150, 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{3 * bar + 4}" font-size="9">']
    for d in range(3):
        y = 1 + d * (bar + 1)
        length = (width - 52) * max(0.0, min(1.0, float(indices[d])))
        parts.append(f'<text x="0" y="{y + 8}">{DIMENSIONS[d]}</text>')
        parts.append(f'<rect x="10" y="{y}" width="{width - 52}" height="{bar}" fill="#eee"/>')
        parts.append(f'<rect x="10" y="{y}" width="{length:.1f}" height="{bar}" fill="{styles.DIMENSION_COLOURS[d]}"/>')
        parts.append(f'<text x="{width - 38}" y="{y + 8}">{float(indices[d]):.3f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def profiles_html(names, indices, resilience, grades, weakest, ranks, extra=((), ())) -> str:
    """Units by rank: S, E, T as bars and numbers, R, grade, weakest dimension; `extra` holds
    more (headers, rows of text) shown after the unit's name."""
    extra_headers, extra_rows = extra
    head = (
        [translate("SetsIndex", "Rank"), translate("SetsIndex", "Unit")]
        + list(extra_headers)
        + [
            translate("SetsIndex", "Profile S / E / T"),
            "S",
            "E",
            "T",
            translate("SetsIndex", "Resilience"),
            translate("SetsIndex", "Grade"),
            translate("SetsIndex", "Weakest dimension"),
        ]
    )
    profile_column = 2 + len(extra_headers)
    html = [
        "<table><thead><tr>"
        + "".join(f'<th class="{"l" if k in (1, profile_column) else ""}">{report.esc(h)}</th>' for k, h in enumerate(head))
        + "</tr></thead><tbody>"
    ]
    for k, name in enumerate(names):
        g = int(grades[k])
        weak = DIMENSIONS.index(weakest[k])
        html.append(
            "<tr>"
            f'<td>{int(ranks[k])}</td><td class="l">{report.esc(name)}</td>'
            + "".join(f"<td>{report.esc(v)}</td>" for v in (extra_rows[k] if extra_rows else ()))
            + f'<td class="l">{profile_svg(indices[k])}</td>'
            + "".join(f"<td>{float(indices[k][d]):.4f}</td>" for d in range(3))
            + f"<td>{float(resilience[k]):.4f}</td>"
            f'<td style="background:{styles.RESILIENCE_COLOURS[g - 1]}">{g} {report.esc(grade_label(g))}</td>'
            f"<td>{report.esc(dimension_label(weak))}</td>"
            "</tr>"
        )
    html.append("</tbody></table>")
    return "".join(html)
