"""Help of tsr:evacuationroutes: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP
from .shared import NETWORK_CHECKS, NETWORK_PARAMETERS

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "EvacuationRoutes",
        "<p>Safe evacuation routes from residents to shelters that keep out of hazard zones (e.g. the high-risk zones of the "
        "multi-hazard path), with each shelter's capacity respected if wanted.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>DEMAND</b> (points or polygons by a point on their surface), <b>POPULATION_FIELD</b> (persons), "
        "<b>DEMAND_ID_FIELD</b>; <b>SHELTERS</b> (points), <b>SHELTER_ID_FIELD</b>, <b>CAPACITY_FIELD</b> (persons).</li>"
    ),
    NETWORK_PARAMETERS,
    QT_TRANSLATE_NOOP(
        "EvacuationRoutes",
        "<li><b>HAZARD_ZONES</b>: polygons, dissolved (touching polygons form one zone); roads are cut at their edges. "
        "<b>HAZARD_MODE</b> <i>avoid</i>: roads inside are closed, except that residents who start inside a zone may use its "
        "roads to leave it — exactly, on a two-layer graph per start zone: a route cannot enter another zone nor come back "
        "into its own once it has left; shelters inside a zone are not used. <i>Penalise</i>: roads inside cost "
        "<b>PENALTY</b> times more.</li>"
        "<li><b>HAZARD_RASTER</b>: hazard degrees 0–1 (e.g. from Normalise hazard) averaged along each road h̄ (sampled every "
        "half cell); the road costs 1 + (PENALTY − 1)·h̄ times more, so the worst hazard weighs like a penalised zone.</li>"
        "<li><b>ASSIGNMENT</b>: <i>nearest shelter</i> by cost; or <i>respect capacity</i>: a transportation problem, "
        "min Σ c_ij x_ij with Σ_j x_ij ≤ P_i and Σ_i x_ij ≤ C_j, that first evacuates as many people as the capacities allow, "
        "solved exactly by linear programming (HiGHS); a block may be split between shelters.</li>"
        "<li><b>OUTPUT</b>: one line per resident–shelter flow: demand_id, shelter_id, people, length_m, time_min (at the "
        "road speeds, access legs at SPEED), hazard_length_m (length inside hazard zones) and cost (with penalties). "
        "<b>OUTPUT_UNREACHED</b>: residents not evacuated, with people and the reason (too far from a road, no safe route, "
        "shelters full). <b>EVACUATED_PERCENT</b>: share of residents with a route. <b>OUTPUT_HTML</b>: summary, people per "
        "shelter, people by walking time.</li></ul>"
        "<h3>References</h3><p>Hitchcock F L (1941) The distribution of a product from several sources to numerous localities. "
        "J. Math. Phys. 20: 224–230. Huangfu Q, Hall J A J (2018) Parallelizing the dual revised simplex method. Math. Prog. Comp. 10: 119–142 "
        "(HiGHS). GB 51143-2015 防灾避难场所设计规范; "
        "GB/T 51327-2018 城市综合防灾规划标准.</p>"
    ),
)

CHECKS = (
    NETWORK_CHECKS,
    QT_TRANSLATE_NOOP(
        "EvacuationRoutes",
        "In <i>avoid</i> mode a shelter whose point lies inside a hazard zone (boundary included) receives nobody, not even "
        "the residents of that zone; the log names these shelters and, when every shelter stands inside a zone, says that "
        "nobody can be evacuated (EVACUATED_PERCENT = 0). In <i>penalise</i> mode they stay usable at the penalty. The "
        "hazard raster is sampled every half cell in its own CRS and units (at most 20 million points, beyond which the "
        "step grows with a warning). With the capacity assignment, shelters of capacity 0 or NULL receive nobody; a "
        "negative capacity is refused. The nearest-shelter assignment ignores capacities."
    ),
)
# fmt: on
