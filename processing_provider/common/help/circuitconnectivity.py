"""Help of tsr:circuitconnectivity: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "CircuitConnectivity",
        "<p>Treats the landscape as a resistor network (circuit theory) and computes the effective resistance between ecological "
        "sources and the current flowing through every cell: where a least-cost path shows the single cheapest route, current shows "
        "every route at once, and its narrow concentrations are the pinch points (生态夹点). The semantics are those of Circuitscape 5's "
        "raster modes, so that results compare with it.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>RESISTANCE</b>: resistance per cell (&gt; 0), or conductance when <b>IS_CONDUCTANCE</b> is checked. Nodata and zero-conductance "
        "cells are not part of the network.</li>"
        "<li><b>FOCAL</b>, <b>FOCAL_ID_FIELD</b>: focal nodes. A point gives its cell; a polygon is a focal region, whose cells are joined "
        "by zero resistance (short-circuited into one node); features sharing an id form one region.</li>"
        "<li><b>MODE</b>: <i>pairwise</i>: 1 A between every pair of focal nodes; with focal regions only the pair's two regions are "
        "short-circuited; <i>all-to-one</i>: each focal node in turn grounded, 1 A injected at every other; <i>one-to-all</i>: 1 A "
        "injected at each focal node in turn, every other grounded (its resistance is the one to that set).</li>"
        "<li><b>CONNECTIONS</b>: four or eight neighbours. <b>AVERAGE</b>: link conductance 1/((r₁ + r₂)/2) (average resistances, "
        "Circuitscape's connect_using_avg_resistances) or (g₁ + g₂)/2 (average conductances); a diagonal link is √2 longer, its "
        "conductance divided by √2.</li>"
        "<li><b>PAIRS</b>: only these pairs, e.g. 1,2; 1,3.</li>"
        "<li><b>CORRIDORS</b>, <b>CORRIDOR_WIDTH</b>: the normalised corridor raster of Ecological corridors; then, as Linkage Mapper's "
        "Pinchpoint Mapper, current flows between the two sources of each pair within the corridor cells (value ≤ CORRIDOR_WIDTH) only, "
        "and the map is the maximum over the pairs, sources left blank.</li>"
        "<li><b>OUTPUT_CURRENT</b>: cumulative current density (A; in a cell, the larger of the current flowing in and out); "
        "<b>OUTPUT_VOLTAGE</b>: one band per focal node (one-to-all, all-to-one); <b>OUTPUT_RESISTANCES</b>: from_id, to_id, "
        "resistance (ohm, in resistance units), status; <b>OUTPUT_HTML</b>: the report; <b>MEAN_EFFECTIVE_RESISTANCE</b>: mean over the "
        "pairs that are connected.</li></ul>"
        "<p>Formula: with the Laplacian L of the network, grounding one focal node and solving L x_k = e_k for the others "
        "(one factorisation, n − 1 solves), R_ij = x_i(i) + x_j(j) − 2 x_i(j).</p>"
        "<h3>References</h3><p>Doyle P G, Snell J L (1984) Random walks and electric networks. Mathematical Association of America. "
        "McRae B H (2006) Isolation by resistance. Evolution 60: 1551–1561. "
        "McRae B H, Dickson B G, Keitt T H, Shah V B (2008) Using circuit theory to model connectivity in ecology, evolution, and "
        "conservation. Ecology 89: 2712–2724. "
        "Shah V B, McRae B H (2008) Circuitscape: a tool for landscape ecology. Proceedings of the 7th Python in Science Conference: 62–66. "
        "McRae B H, Hall S A, Beier P, Theobald D M (2012) Where to restore ecological connectivity? PLoS ONE 7: e52604. "
        "Anantharaman R, Hall K, Shah V B, Edelman A (2020) Circuitscape in Julia. JuliaCon Proceedings 1: 58.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "CircuitConnectivity",
        "Zero or negative resistances, a geographic CRS, a single focal node, focal ids in PAIRS that are not focal nodes and a corridor "
        "raster on another grid are refused. Pairs in different components get no resistance and the status says so (infinite "
        "resistance); focal nodes on nodata are reported the same way; focal nodes outside the raster are left out and counted."
    ),
)
# fmt: on
