"""Report of tsr:ecologicalcorridors: set-up, sources (P, S, N), links (Linkage Mapper measures,
gravity, importance), the gravity chart and the conflicts with roads.

Strings are translated in the algorithm's context ("EcologicalCorridors")."""

from __future__ import annotations

import math
from dataclasses import dataclass

from qgis.PyQt.QtCore import QCoreApplication

from ....algorithms.ecology.corridors import IMPORTANT, CorridorResult
from .. import report

translate = QCoreApplication.translate
CONTEXT = "EcologicalCorridors"


def _t(text: str) -> str:
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class CorridorReport:
    """What the corridor report shows: the core's result, the source ids (by label − 1), the
    neighbour rule's display name, MAX_COST_DISTANCE and CORRIDOR_WIDTH (0 = none), the cell size
    (width, height in metres), the number of conflict points and whether roads were given."""

    result: CorridorResult
    ids: list
    neighbours: str
    max_cost: float
    width: float
    cell: tuple[float, float]
    conflicts: int
    roads: bool


def corridor_report(data: CorridorReport) -> str:
    return report.document(
        translate("EcologicalCorridors", "Ecological corridor report"),
        [
            (translate("EcologicalCorridors", "Method and settings"), setup_html(data)),
            (translate("EcologicalCorridors", "Ecological sources"), sources_html(data)),
            (translate("EcologicalCorridors", "Corridors"), links_html(data)),
            (translate("EcologicalCorridors", "Gravity of the corridors"), gravity_html(data)),
        ],
    )


def setup_html(data: CorridorReport) -> str:
    result = data.result
    rows = [
        (_t("Pairs of sources to connect"), data.neighbours),
        (_t("Candidate pairs"), str(result.candidate_pairs)),
        (_t("Corridors kept"), str(len(result.links))),
        (_t("Maximum cost-weighted distance"), report.fmt(data.max_cost) if data.max_cost > 0 else _t("no limit")),
        (_t("Corridor width (cut-off)"), report.fmt(data.width) if data.width > 0 else _t("no cut")),
        (_t("Cell size (m)"), f"{data.cell[0]:g} × {data.cell[1]:g}"),
    ]
    if data.roads:
        rows.append((_t("Conflict points with roads"), str(data.conflicts)))
    formulas = (
        '<p class="formula">'
        + report.esc(_t("step cost = (R_i + R_j) / 2 × step length (cell size, √2 × cell size on diagonals)"))
        + "<br>"
        + report.esc(_t("normalised corridor = CWD_a + CWD_b − LCD_ab, minimum over the pairs"))
        + "<br>"
        + report.esc(_t("G_ab = N_a · N_b / D_ab², N = ln(S) / P, D_ab = L_ab / L_max"))
        + "</p>"
    )
    return report.table((_t("Item"), _t("Value")), rows, left_columns=2) + formulas


def sources_html(data: CorridorReport) -> str:
    rows = []
    for label, s in sorted(data.result.sources.items()):
        rows.append([str(data.ids[label - 1]), s.cells, s.area / 10000.0, s.mean_resistance, s.weight])
    missing = ""
    if data.result.missing:
        missing = (
            '<p class="warn">'
            + report.esc(_t("Left out (only impassable cells): {ids}").format(ids=", ".join(str(data.ids[k - 1]) for k in data.result.missing)))
            + "</p>"
        )
    return report.table((_t("Source"), _t("Cells"), _t("Area S (ha)"), _t("Mean resistance P"), _t("N = ln(S)/P (S in m²)")), rows) + missing


def links_html(data: CorridorReport) -> str:
    result = data.result
    if not result.links:
        return "<p>" + report.esc(_t("No pair of sources could be connected.")) + "</p>"
    rows, colours = [], []
    finite = lambda v: v if math.isfinite(v) else None  # noqa: E731
    for link in sorted(result.links, key=lambda k: -k.gravity if math.isfinite(k.gravity) else math.inf):
        important = link.importance == IMPORTANT
        rows.append(
            [
                str(data.ids[link.a - 1]),
                str(data.ids[link.b - 1]),
                _t("important") if important else _t("general"),
                link.cwd,
                link.euc_dist,
                link.lcp_length,
                finite(link.cwd_to_euc),
                finite(link.cwd_to_path),
                finite(link.gravity),
            ]
        )
        colours.append(["#d9f0d3" if important else None] * 9)
    note = report.esc(
        _t(
            "cwd: least-cost distance (resistance × m); euc_dist: edge-to-edge distance (m); lcp_length: length of the least-cost path (m); "
            "a corridor is important when its gravity is at or above the median gravity ({median})."
        ).format(median=report.fmt(result.gravity_median))
    )
    dropped = ""
    if result.dropped_pairs:
        items = ", ".join(
            f"{data.ids[a - 1]}–{data.ids[b - 1]} ({report.fmt(v) if math.isfinite(v) else _t('unreachable')})" for a, b, v in result.dropped_pairs
        )
        dropped = (
            '<p class="note">'
            + report.esc(_t("Pairs without a corridor (beyond the maximum cost distance or unreachable): {pairs}").format(pairs=items))
            + "</p>"
        )
    table = report.table(
        ("from_id", "to_id", _t("Importance"), "cwd", "euc_dist", "lcp_length", "cwd_to_euc", "cwd_to_path", "gravity"),
        rows,
        left_columns=3,
        colours=colours,
    )
    return table + f'<p class="note">{note}</p>' + dropped


def gravity_html(data: CorridorReport) -> str:
    links = [link for link in data.result.links if math.isfinite(link.gravity)]
    if not links:
        return "<p>–</p>"
    links.sort(key=lambda k: -k.gravity)
    labels = [f"{data.ids[link.a - 1]} – {data.ids[link.b - 1]}" for link in links]
    colours = ["#1b7837" if link.importance == IMPORTANT else "#a6dba0" for link in links]
    return report.bar_chart(labels, [link.gravity for link in links], colours=colours)
