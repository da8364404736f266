"""Help of tsr:networkcriticality: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP
from .shared import NETWORK_CHECKS, NETWORK_PARAMETERS

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "NetworkCriticality",
        "<p>Which road segment, bridge or facility, if lost, cuts the most people off from help within the standard "
        "(N−1), and what a scenario of losses — every road under more than 0.3 m of flood — does at once: the "
        "infrastructure stress test of the spatial network module (关键性分析).</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>DEMAND</b>, <b>POPULATION_FIELD</b>, <b>DEMAND_ID_FIELD</b>, <b>FACILITIES</b>, <b>FACILITY_ID_FIELD</b>, "
        "<b>CAPACITY_FIELD</b> (persons; empty = no overload measure): as in tsr:servicecoverage.</li>"
    ),
    NETWORK_PARAMETERS,
    QT_TRANSLATE_NOOP(
        "NetworkCriticality",
        "<li><b>THRESHOLD</b>: the standard T in the unit of COST (metres or minutes), e.g. 15 minutes to a hospital.</li>"
        "<li><b>ELEMENTS</b>: what fails one at a time: <i>every road segment</i> (each feature of NETWORK; split the "
        "roads at junctions for per-link results), <i>the selected or filtered segments</i> (features whose "
        "<b>ELEMENT_FILTER_FIELD</b> is 1, yes or true, e.g. bridges; without the field, the layer's selection), "
        "<i>each facility</i>, or <i>both</i>. <b>ELEMENT_ID_FIELD</b> names the road features (default: feature id).</li>"
        "<li><b>SCENARIO</b>: hazard polygons (every road stretch inside fails; roads are cut at the edges) or a hazard "
        "raster (every road segment along which a value exceeds <b>SCENARIO_THRESHOLD</b>, sampled every half cell, "
        "fails). The scenario is reported as a whole against the intact network, and the N−1 ranking is computed on "
        "the damaged network.</li>"
        "<li>Measures per failed element e, with cᵢ the cost of demand i to its nearest facility (access legs "
        "included), c′ᵢ after the loss and pᵢ its population: <b>lost_access</b> = Σ pᵢ [cᵢ ≤ T &lt; c′ᵢ] (persons); "
        "<b>cut_off</b> = Σ pᵢ [cᵢ &lt; ∞ = c′ᵢ] (persons reaching no facility); <b>mean_cost_increase</b> = "
        "Σ pᵢ (c′ᵢ − cᵢ) / Σ pᵢ over those still served; <b>overloaded</b>: facilities whose load (the population for "
        "which they are the nearest reachable facility) rises above their capacity; <b>affected</b>: persons whose "
        "cost rises. <b>rank</b> 1 = most critical (by lost access, then cut off, Δ mean cost, overloads); "
        "<b>class</b>: 0 no effect, 1 costs rise but nobody loses access, 2 under 1 %, 3 1–5 %, 4 5 % or more of the "
        "population lose access.</li>"
        "<li><b>OUTPUT</b>: the elements with their measures (road features as lines; facilities as points when only "
        "they fail, without geometry next to roads: join them by element_id). <b>OUTPUT_DEMAND</b>: per demand point "
        "the nearest facility and cost before and after the scenario (equal without one), lost_access and cut_off. "
        "<b>OUTPUT_HTML</b>: the scenario, the most critical elements (table, chart, map) and the class distribution. "
        "<b>SCENARIO_LOST_ACCESS</b>: persons losing access in the scenario; <b>MOST_CRITICAL_ID</b>: the rank-1 "
        "element (empty when no single loss changes anything).</li></ul>"
        "<p>Exact and fast: the nearest-facility costs form one shortest-path forest; an element on nobody's path "
        "changes nothing, and for the others only the subtree below the element is searched again, seeded with the "
        "cheapest ways out of it, instead of every search of the whole network.</p>"
        "<h3>References</h3><p>Jenelius E, Petersen T, Mattsson L-G (2006) Importance and exposure in road network "
        "vulnerability analysis. Transportation Research Part A 40: 537–560. Albert R, Jeong H, Barabási A-L (2000) "
        "Error and attack tolerance of complex networks. Nature 406: 378–382. Dijkstra E W (1959) A note on two "
        "problems in connexion with graphs. Numerische Mathematik 1: 269–271.</p>"
    ),
)

CHECKS = (
    NETWORK_CHECKS,
    QT_TRANSLATE_NOOP(
        "NetworkCriticality",
        "No facility within MAX_SNAP of a road is refused; a scenario that closes no road or every road is said in the "
        "log; a SCENARIO layer that is neither polygons nor a raster is refused; ELEMENTS 'selected or filtered' with "
        "nothing selected is refused. Ties between equally near facilities go to either."
    ),
)
# fmt: on
