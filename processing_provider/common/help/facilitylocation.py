"""Help of tsr:facilitylocation: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP
from .shared import NETWORK_CHECKS, NETWORK_PARAMETERS

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "FacilityLocation",
        "<p>Where to add shelters, first-aid stations or other facilities so that they serve the population best: the classic "
        "location-allocation models, solved exactly as mixed-integer programmes (HiGHS through scipy), with sparse formulations "
        "in which demand points covered by the same sites are merged.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>DEMAND</b> (points, or polygons by a point on their surface), <b>POPULATION_FIELD</b> (the weight wᵢ, persons), "
        "<b>DEMAND_ID_FIELD</b> (unique ids, used in messages and outputs).</li>"
        "<li><b>CANDIDATES</b>, <b>CANDIDATE_ID_FIELD</b>: the sites that may be opened. <b>EXISTING</b>: facilities that are "
        "always open; they serve demand but do not count in P (their ids are taken from the same field when they have it).</li>"
    ),
    NETWORK_PARAMETERS,
    QT_TRANSLATE_NOOP(
        "FacilityLocation",
        "<li><b>COST_TABLE</b> with <b>COST_ORIGIN_FIELD</b>, <b>COST_DESTINATION_FIELD</b> and <b>COST_FIELD</b>: an "
        "origin–destination table (demand id, site id, cost) from another routing tool, used instead of the network; pairs "
        "that are missing cannot be used.</li>"
        "<li><b>MODEL</b>: <i>LSCP</i> (Toregas et al. 1971) min Σ yⱼ such that every demand point with people has an open "
        "site within S; <i>MCLP</i> (Church &amp; ReVelle 1974) max Σ wᵢzᵢ with zᵢ ≤ Σ_{j: cᵢⱼ ≤ S} yⱼ and Σ yⱼ = P; "
        "<i>p-median</i> (Hakimi 1964; ReVelle &amp; Swain 1970) min Σ wᵢcᵢⱼxᵢⱼ with each point assigned to an open site; "
        "<i>p-center</i> min W such that every served point is within W of its site.</li>"
        "<li><b>CAPACITY_FIELD</b> (persons, on the candidates and the existing facilities): capacitated variants, "
        "Σᵢ wᵢxᵢⱼ ≤ capⱼ yⱼ; a demand point may then be split between sites.</li>"
        "<li><b>P</b>: number of new sites. <b>SERVICE_DISTANCE</b> S in metres or minutes: the coverage radius of LSCP and "
        "MCLP; for p-median and p-center an optional longest allowed trip (0 = none).</li>"
        "<li><b>TIME_LIMIT</b> (s) and <b>MIP_GAP</b> (%): the solver stops at the limit with its best solution and the gap "
        "between it and the proven bound is reported; 0 % asks for a proven optimum.</li>"
        "<li><b>OUTPUT_SITES</b>: the open sites with existing (1/0), served people, capacity and load ratio; "
        "<b>OUTPUT_ALLOCATION</b>: a line from each demand point to the site serving it, with people and cost; "
        "<b>OBJECTIVE</b> (sites, covered people, person-metres or the longest trip); <b>COVERED_PERCENT</b>; "
        "<b>COVERAGE_CURVE</b>: for MCLP the covered percent with 1, 2, …, P new sites, the marginal value of each site; "
        "<b>STATUS</b> (optimal or time limit); <b>OUTPUT_HTML</b>: the solution, the coverage curve and the sites added at "
        "each step.</li></ul>"
        "<p>An LSCP that cannot be satisfied (a demand point with no candidate within S) is refused with the ids of those "
        "demand points.</p>"
        "<h3>References</h3><p>Toregas C, Swain R, ReVelle C, Bergman L (1971) The location of emergency service facilities. "
        "Operations Research 19(6): 1363–1373. Church R, ReVelle C (1974) The maximal covering location problem. Papers of the "
        "Regional Science Association 32: 101–118. Hakimi S L (1964) Optimum locations of switching centers and the absolute "
        "centers and medians of a graph. Operations Research 12(3): 450–459. Huangfu Q, Hall J A J (2018) Parallelizing the "
        "dual revised simplex method. Math. Prog. Comp. 10: 119–142 (HiGHS).</p>"
    ),
)

CHECKS = (
    NETWORK_CHECKS,
    QT_TRANSLATE_NOOP(
        "FacilityLocation",
        "TIME_LIMIT is one wall-clock budget for all the solving, the coverage curve included (HiGHS runs in slices of "
        "about a second, so that cancelling is heard). Cost tables: NaN, negative or non-numeric costs and pairs given "
        "twice are refused naming the row; NULL and +∞ mean unreachable (reported)."
    ),
)
# fmt: on
