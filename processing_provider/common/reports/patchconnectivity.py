"""HTML report of tsr:patchconnectivity: global indices, the most important patches, the distance curve."""

from __future__ import annotations

from typing import Sequence

from ....algorithms.ecology.connectivity import Connectivity, CurvePoint
from ....i18n import tr
from ..report import bar_chart, document, esc, line_chart, table


def build(
    result: Connectivity,
    names: Sequence[str],
    areas: Sequence[float],
    curve: Sequence[CurvePoint],
    threshold: float,
    probability: float,
    landscape_area: float,
    distance_unit: str,
    top: int = 20,
) -> str:
    """The report: summary, top patches by dPC with its fractions, the distance curve."""
    summary = table(
        [tr("Index"), tr("Value")],
        [
            ["IIC", result.iic],
            ["PC", result.pc],
            ["EC(PC) (ha)", result.ec_pc],
            [tr("Components"), result.components],
            [tr("Patches"), len(areas)],
            [tr("Total patch attribute (ha)"), float(sum(areas))],
            [tr("Landscape area A_L (ha)"), landscape_area],
            [tr("Threshold distance"), f"{threshold:g} {distance_unit}"],
            [tr("Probability at the threshold"), probability],
        ],
    )
    formulas = (
        '<p class="formula">IIC = Σᵢ Σⱼ aᵢ aⱼ / (1 + nlᵢⱼ) / A_L² &nbsp; PC = Σᵢ Σⱼ aᵢ aⱼ p*ᵢⱼ / A_L² &nbsp; '
        "EC(PC) = √(Σᵢ Σⱼ aᵢ aⱼ p*ᵢⱼ) &nbsp; dX = 100 · (X − X_remove) / X</p>"
    )
    order = sorted(range(len(areas)), key=lambda i: int(result.rank[i]))[:top]
    rows = [
        [
            names[i],
            int(result.rank[i]),
            float(areas[i]),
            float(result.d_pc[i]),
            float(result.d_pc_intra[i]),
            float(result.d_pc_flux[i]),
            float(result.d_pc_connector[i]),
            float(result.d_iic[i]),
            int(result.component[i]),
        ]
        for i in order
    ]
    ranking = table([tr("Patch"), tr("Rank"), "a (ha)", "dPC %", "dPC_intra %", "dPC_flux %", "dPC_connector %", "dIIC %", tr("Component")], rows)
    chart = bar_chart([str(names[i]) for i in order], [float(result.d_pc[i]) for i in order], "%")
    sections = [
        (tr("Global connectivity"), summary + formulas),
        (tr("Most important patches (dPC)"), chart + ranking),
    ]
    if len(curve) > 1:
        xs = [p.distance for p in curve]
        curve_table = table(
            [tr("Distance"), "IIC", "PC", "EC(PC) (ha)", tr("Components")], [[p.distance, p.iic, p.pc, p.ec_pc, p.components] for p in curve]
        )
        sections.append(
            (
                tr("Connectivity against distance"),
                line_chart(xs, [p.pc for p in curve], tr("Distance"), "PC", marks=[threshold])
                + line_chart(xs, [float(p.components) for p in curve], tr("Distance"), tr("Components"), marks=[threshold])
                + '<p class="note">'
                + esc(tr("Where the number of components drops sharply, the network joins up: that distance is a spatial threshold of the network."))
                + "</p>"
                + curve_table,
            )
        )
    references = (
        '<p class="note">Pascual-Hortal L, Saura S (2006) Landscape Ecology 21: 959–967. Saura S, Pascual-Hortal L (2007) '
        "Landscape and Urban Planning 83: 91–103. Saura S, Rubio L (2010) Ecography 33: 523–537.</p>"
    )
    sections.append((tr("References"), references))
    return document(tr("Patch connectivity (Conefor indices)"), sections)
