"""Help of tsr:servicecoverage: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP
from .shared import NETWORK_CHECKS, NETWORK_PARAMETERS

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "ServiceCoverage",
        "<p>Who reaches a shelter, first-aid station or other facility within a distance or time along the roads — the "
        "community emergency network path of territorial space resilience (构建社区应急空间网络).</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>DEMAND</b>: residents as points, or polygons (blocks, communities) represented by a point on their surface; "
        "<b>POPULATION_FIELD</b>: persons (NULL counts 0, reported).</li>"
        "<li><b>FACILITIES</b>: points; <b>FACILITY_ID_FIELD</b> (unique) names them in the outputs (default: feature id). "
        "Capacity in persons from <b>CAPACITY_FIELD</b>, or from <b>AREA_FIELD</b> (effective area, m²) divided by "
        "<b>AREA_PER_PERSON</b> (m² per person), rounded down.</li>"
    ),
    NETWORK_PARAMETERS,
    QT_TRANSLATE_NOOP(
        "ServiceCoverage",
        "<li><b>THRESHOLDS</b>: comma list of distances (m) or times (min). <b>PRESET</b> replaces them with a planning "
        "standard's: <i>emergency shelter</i> 500 m and 1 m² per person, <i>fixed shelter</i> 2 and 3 km and 2 m² per person "
        "(GB 50413-2007 §8.2.8–8.2.10, urban seismic disaster prevention planning); <i>life circles</i> 300, 500 and 1000 m "
        "(5-, 10- and 15-minute walks, GB 50180-2018, TD/T 1062-2021); presets measure distance.</li>"
        "<li><b>BARRIERS</b>: polygons (flooded areas, collapsed zones) whose roads are closed; roads are cut at their edges.</li>"
        "<li><b>OUTPUT_DEMAND</b>: each demand with nearest_id and cost of the nearest facility, reached (0 = farther than "
        "MAX_SNAP from a road), covered_T per threshold T, and access_2sfca, the two-step floating catchment accessibility "
        "at the first threshold d₀: R_j = S_j / Σ_{k: d_kj ≤ d₀} P_k, A_i = Σ_{j: d_ij ≤ d₀} R_j (places per resident).</li>"
        "<li><b>OUTPUT_FACILITIES</b>: demand_T, the population within each threshold (a resident near two facilities "
        "counts for both); capacity; assigned, the population for which it is the nearest facility within the first "
        "threshold; load_ratio = assigned / capacity; overloaded = assigned &gt; capacity.</li>"
        "<li><b>OUTPUT_AREAS</b>: per facility and threshold, the area from which it is reached in time, built from the "
        "reachable roads: each stretch of road (at most a tenth of the threshold long) is widened by the access distance "
        "still affordable at its costlier end, up to MAX_SNAP, so every place inside is within the threshold. Without a "
        "network: circles.</li>"
        "<li><b>COVERED_PERCENT</b>: population within the first threshold of some facility (%). <b>CURVE_COSTS</b>, "
        "<b>COVERAGE_CURVE</b>: the coverage curve as two comma lists, 41 costs from 0 to the largest threshold and the "
        "population (%) whose nearest facility is within each. <b>OUTPUT_HTML</b>: "
        "coverage per threshold, the underserved population, coverage against cost, the capacity gap in persons and m² "
        "and the load of each facility.</li></ul>"
        "<h3>References</h3><p>Luo W, Wang F (2003) Measures of spatial accessibility to health care in a GIS environment. "
        "Environment and Planning B 30: 865–884. Dijkstra E W (1959) A note on two problems in connexion with graphs. "
        "Numerische Mathematik 1: 269–271. GB 50413-2007 城市抗震防灾规划标准; GB 50180-2018 城市居住区规划设计标准; "
        "TD/T 1062-2021 社区生活圈规划技术指南.</p>"
    ),
)

CHECKS = (NETWORK_CHECKS,)
# fmt: on
