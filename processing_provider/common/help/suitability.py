"""Help of tsr:suitability: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "Suitability",
        "<p>Multi-criteria suitability (e.g. for urban development, 国土空间开发适宜性) in which the weights are judgements and "
        "therefore uncertain: the weights are drawn many times around the given ones, and the result shows where a zoning "
        "decision is robust and where it hinges on a debatable weight — the second implementation path, zoning that adapts to "
        "uncertainty.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>CRITERIA</b>: criterion rasters of any grid, aligned to <b>REFERENCE</b> (default: the first criterion, "
        "projected CRS in metres); <b>DIRECTIONS</b>: + (benefit) or - (cost, used as 1 − c) per criterion. A criterion outside "
        "0–1 is min-max normalised over the study area.</li>"
        "<li><b>WEIGHTS</b>: comma list (e.g. the WEIGHTS output of tsr:ahpweights), normalised to sum 1.</li>"
        "<li><b>METHOD</b>: <i>weighted linear combination</i> S = Σ wᵢcᵢ; <i>OWA</i> with <b>ORDER_WEIGHTS</b> (largest criterion "
        "first) or an <b>ORNESS</b> (0 = minimum, 0.5 = mean, 1 = maximum; order weights from the quantifier Q(r) = r^a); "
        "<i>weakest link / minimum</i> (短板法) S = min cᵢ, where weights do not act.</li>"
        "<li><b>CONSTRAINTS</b>: rasters where 0 means excluded; <b>EXCLUSION_ZONES</b>: polygons excluded entirely (ecological "
        "protection red line, permanent basic farmland, high-risk zones). Excluded cells score 0 and are never suitable.</li>"
        "<li><b>WEIGHT_UNCERTAINTY</b>: coefficient of variation of the weights (%), CV² = ΣVar(wᵢ)/Σw̄ᵢ²; the draws follow a "
        "Dirichlet distribution centred on the weights, so every draw still sums to 1. <b>CRITERION_UNCERTAINTY</b>: standard "
        "deviation of independent normal noise on the normalised criteria. <b>ITERATIONS</b> draws with <b>SEED</b>: the same "
        "seed gives the same result.</li>"
        "<li><b>THRESHOLD</b>: a cell is suitable in a draw if its score reaches it (default 0.6); or <b>TOP_PERCENT</b>: if it is "
        "among that share of the study area with the highest scores in that draw.</li>"
        "<li><b>OUTPUT_MEAN</b>, <b>OUTPUT_STD</b>: mean and standard deviation of the score; for the weighted linear combination "
        "they are exact (mean = Σw̄ᵢcᵢ, variance = cᵀΣc with the Dirichlet covariance), without sampling error. "
        "<b>OUTPUT_PROBABILITY</b>: share of the draws in which the cell is suitable. <b>OUTPUT_CLASS</b>: 1 robustly suitable "
        "(p ≥ 0.9), 2 likely (0.5–0.9), 3 uncertain (0.1–0.5), 4 unsuitable (&lt; 0.1), 5 excluded. <b>ROBUST_AREA_HA</b>, "
        "<b>UNCERTAIN_AREA_HA</b>: areas of classes 1 and 3. <b>OUTPUT_HTML</b>: set-up, classes, and the sensitivity of the "
        "suitable area and the mean score to each weight (one weight at a time ±20 %, the others rescaled so that the weights "
        "still sum to 1) as a tornado chart, with the correlation of each weight with the outcome across the draws. "
        "<b>OUTPUT_WEIGHTS</b> (optional table, not written by default): the weights of every draw, one row per draw and "
        "criterion (draw, criterion, weight). <b>OUTPUT_SENSITIVITY</b> (optional table, not written by default): the rows of "
        "the report's sensitivity table, the baseline first (criterion empty, change as a share, suitable_ha, mean_score, "
        "kept_pct, and delta, the value of the tornado chart, in delta_unit ha or %).</li></ul>"
        "<h3>References</h3><p>Malczewski J (2006) GIS-based multicriteria decision analysis: a survey of the literature. IJGIS 20(7): "
        "703–726. Feizizadeh B, Blaschke T (2014) An uncertainty and sensitivity analysis approach for GIS-based multicriteria "
        "landslide susceptibility mapping. IJGIS 28(3): 610–638. Chen Y, Yu J, Khan S (2010) Spatial sensitivity analysis of "
        "multi-criteria weights in GIS-based land suitability evaluation. EMS 25(12): 1582–1591. 自然资源部 (2020) "
        "资源环境承载能力和国土空间开发适宜性评价指南（试行）.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "Suitability",
        "Exclusion zones and constraint rasters only remove cells that have data in every criterion; cells outside stay "
        "nodata and their area is not counted. Criteria that never overlap, an all-nodata criterion and weights that sum "
        "to 0 are refused. The run time is estimated on a timed sample: over 10 minutes it is warned about, over 24 hours "
        "refused."
    ),
)
# fmt: on
