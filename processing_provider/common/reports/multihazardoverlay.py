"""Report of tsr:multihazardoverlay: set-up, weights, per-hazard statistics, correlation,
hotspots and the index's range.

Strings are translated in the algorithm's context ("MultiHazardOverlay"), written as
`translate("MultiHazardOverlay", "…")` so that pylupdate5 files them there (a bare `tr("…")`
outside a class would land in "@default", where the run-time lookup would not find it).
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.PyQt.QtCore import QCoreApplication

from ....algorithms.raster.overlay import OverlayMethod, OverlaySpec, OverlayStatistics, hazard_summaries, hotspot_rows, orness
from .. import report

translate = QCoreApplication.translate

#: Risk factor symbols in the formula R = I · E · V · (1 − C), by factor.
FACTOR_TERMS = {"exposure": " · E", "vulnerability": " · V", "capacity": " · (1 − C)"}


@dataclass(frozen=True)
class OverlayReport:
    """What the overlay report shows: the combination, the statistics accumulated during the run,
    the method's display name, the risk factors given (keys of FACTOR_TERMS, in that order) and
    the area of a cell in hectares (NaN when the grid does not measure true metres)."""

    spec: OverlaySpec
    stats: OverlayStatistics
    method_name: str
    factors: tuple[str, ...]
    cell_ha: float


def overlay_report(result: OverlayReport) -> str:
    spec, stats = result.spec, result.stats
    names = list(spec.names)
    return report.document(
        translate("MultiHazardOverlay", "Multi-hazard overlay report"),
        [
            (translate("MultiHazardOverlay", "Method and formula"), setup_html(result)),
            (translate("MultiHazardOverlay", "Weights"), weights_html(spec)),
            (translate("MultiHazardOverlay", "Hazards"), hazards_html(stats, names, result.cell_ha)),
            (translate("MultiHazardOverlay", "Hazard correlation"), correlation_html(stats, names)),
            (translate("MultiHazardOverlay", "Multi-hazard hotspots"), hotspots_html(stats, result.cell_ha)),
            (translate("MultiHazardOverlay", "Risk index"), index_html(stats)),
        ],
    )


def setup_html(result: OverlayReport) -> str:
    spec = result.spec
    policies = [translate("MultiHazardOverlay", "propagate"), translate("MultiHazardOverlay", "ignore and renormalise")]
    setup = [
        (translate("MultiHazardOverlay", "Method"), result.method_name),
        (translate("MultiHazardOverlay", "Formula"), spec.formula()),
        (translate("MultiHazardOverlay", "Threshold T"), f"{spec.threshold:g}"),
        (translate("MultiHazardOverlay", "Missing values"), policies[spec.policy]),
    ]
    if result.factors:
        setup.append((translate("MultiHazardOverlay", "Risk"), "R = I" + "".join(FACTOR_TERMS[k] for k in result.factors)))
    if spec.order_weights is not None:
        setup.append(
            (
                translate("MultiHazardOverlay", "Order weights (orness)"),
                ", ".join(f"{v:.4g}" for v in spec.order_weights) + f"  ({orness(spec.order_weights):.3f})",
            )
        )
    return report.table([translate("MultiHazardOverlay", "Item"), translate("MultiHazardOverlay", "Value")], setup, left_columns=2)


def weights_html(spec: OverlaySpec) -> str:
    names = list(spec.names)
    if spec.method == OverlayMethod.PROBABILISTIC_UNION:
        note = translate("MultiHazardOverlay", "Weights are used as given (share of each hazard that acts).")
    elif spec.method == OverlayMethod.MAXIMUM:
        note = translate("MultiHazardOverlay", "Weights are ignored by the maximum.")
    else:
        note = translate("MultiHazardOverlay", "Weights normalised to sum 1.")
    rows = [[names[i], float(spec.weights[i])] for i in range(spec.n)]
    html = report.table([translate("MultiHazardOverlay", "Hazard"), translate("MultiHazardOverlay", "Weight")], rows)
    html += f'<p class="note">{report.esc(note)}</p>'
    if spec.interactions is not None:
        rows = [[names[i]] + [float(v) for v in spec.interactions[i]] for i in range(spec.n)]
        explained = translate("MultiHazardOverlay", "Interactions mᵢⱼ: row i triggers, column j is amplified by 1 + mᵢⱼ where hᵢ ≥ T")
        html += "<p>" + report.esc(explained) + "</p>"
        html += report.table([translate("MultiHazardOverlay", "Trigger \\ affected")] + names, rows)
    return html


def hazards_html(stats: OverlayStatistics, names: list[str], cell_ha: float) -> str:
    summaries = hazard_summaries(stats, names, cell_ha)
    headers = [
        translate("MultiHazardOverlay", "Hazard"),
        translate("MultiHazardOverlay", "Valid cells"),
        translate("MultiHazardOverlay", "Min"),
        translate("MultiHazardOverlay", "Max"),
        translate("MultiHazardOverlay", "Mean"),
        translate("MultiHazardOverlay", "Std. dev."),
        translate("MultiHazardOverlay", "≥ T (%)"),
        translate("MultiHazardOverlay", "≥ T (ha)"),
        translate("MultiHazardOverlay", "Dominant (%)"),
    ]
    rows = [[s.name, s.valid_cells, s.minimum, s.maximum, s.mean, s.std, s.above_pct, s.above_ha, s.dominant_pct] for s in summaries]
    return report.table(headers, rows) + report.bar_chart(names, [s.dominant_pct for s in summaries], " %")


def correlation_html(stats: OverlayStatistics, names: list[str]) -> str:
    r = stats.correlation()
    n = len(names)
    note = translate("MultiHazardOverlay", "Pearson correlation over the {n} cells where every hazard has a value.").format(
        n=f"{stats.joint_count:,}"
    )
    return (
        report.table(
            [""] + names,
            [[names[i]] + [float(v) for v in r[i]] for i in range(n)],
            colours=[[None] + [report.correlation_colour(float(v)) for v in r[i]] for i in range(n)],
        )
        + f'<p class="note">{report.esc(note)}</p>'
    )


def hotspots_html(stats: OverlayStatistics, cell_ha: float) -> str:
    headers = [
        translate("MultiHazardOverlay", "Hazards ≥ T"),
        translate("MultiHazardOverlay", "Cells"),
        translate("MultiHazardOverlay", "Area (ha)"),
        translate("MultiHazardOverlay", "Share (%)"),
    ]
    return report.table(headers, [[str(k), cells, ha, share] for k, cells, ha, share in hotspot_rows(stats, cell_ha)])


def index_html(stats: OverlayStatistics) -> str:
    headers = [
        translate("MultiHazardOverlay", "Valid cells"),
        translate("MultiHazardOverlay", "Min"),
        translate("MultiHazardOverlay", "Max"),
        translate("MultiHazardOverlay", "Mean"),
    ]
    return report.table(headers, [[int(stats.index_count), stats.index_min, stats.index_max, stats.index_mean]], left_columns=0)
