"""Help texts of the algorithms, as data: per algorithm id, the parts of its help and of its
"Checks" paragraph (what it refuses and what it reports instead of guessing). Each part is one
translatable string in the context of its algorithm's class, so that a translator sees it whole
and where it appears; the network parameters and the output checks, shared by several
algorithms, have contexts of their own. The texts are translated when the help is shown, so a
change of language applies at once."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ...i18n import tr


def QT_TRANSLATE_NOOP(context: str, text: str) -> tuple[str, str]:  # noqa: N802 (the name pylupdate5 collects)
    """Marks `text` for translation in `context` (collected by pylupdate5) and keeps both."""
    return context, text


# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter adds
# to calls it splits over several lines: hence no formatting here.
# fmt: off
NETWORK_PARAMETERS = QT_TRANSLATE_NOOP(
    "NetworkParameters",
    "<li><b>NETWORK</b>: road lines (every vertex is a node; vertices closer than <b>TOLERANCE</b> join; with <b>SPLIT</b> "
    "roads are also joined where they cross without a shared vertex — leave it off where bridges cross). <b>SPEED</b> (km/h, "
    "default 5 = walking) is the speed on the access legs and on roads without a <b>SPEED_FIELD</b> value; "
    "<b>ONEWAY_FIELD</b>: 1/yes/true = only in the digitised direction, −1 = only against it. <b>COST</b>: <i>distance</i> "
    "in metres or <i>time</i> in minutes, t = length / (v · 1000/60).</li>"
    "<li><b>MAX_SNAP</b>: points join the nearest point of the nearest road; a point farther than this (m) is reported as "
    "unreachable, never routed. The straight access leg from the point to the road counts in its cost.</li>"
)

NETWORK_CHECKS = QT_TRANSLATE_NOOP(
    "NetworkParameters",
    "Features without geometry are set aside and reported: their people stay in the totals (not covered, "
    "not evacuated) and are written without geometry. Road speeds ≤ 0, infinite or text are refused naming the "
    "roads; NULL or NaN speeds take SPEED (reported). Population and capacity: NULL and NaN count as 0 (reported), "
    "numbers written as text are read, other text, negative and infinite values are refused. MAX_SNAP 0 joins only "
    "points lying on a road."
)

OUTPUT_CHECKS = QT_TRANSLATE_NOOP(
    "Checks",
    "Every algorithm refuses an output that is one of its inputs (the same file, a GeoPackage or shapefile "
    "holding an input layer, a file named in a parameter) and an output folder that cannot be written (a missing "
    "one is created), before anything is written; numbers outside their range are refused with the allowed range. "
    "A run that fails, is cancelled or is terminated leaves no file at any output path."
)

#: Help of each algorithm: purpose, parameters, formula, units, references.
HELP: dict[str, tuple[tuple[str, str], ...]] = {
    "normalizehazard": (
        QT_TRANSLATE_NOOP(
            "NormalizeHazard",
            "<p>Turns a hazard or indicator raster into a degree between 0 (no hazard) and 1 (highest hazard), "
            "so that hazards measured in metres, g, °C or probabilities can be overlaid.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>INPUT</b>, <b>BAND</b>: the raster and band to normalise (any unit).</li>"
            "<li><b>METHOD</b>: <i>min-max</i> μ = (x − a)/(b − a) with a, b the data minimum and maximum (or LOWER/UPPER when given); "
            "<i>percentile min-max</i>: the same with a, b the LOWER and UPPER percentiles of the data (default 2 and 98), robust to outliers; "
            "<i>fuzzy linear</i>: linear membership between the control points LOWER = a (μ = 0) and UPPER = b (μ = 1); "
            "<i>fuzzy sigmoid</i>: μ = sin²(π/2 · t), t = (x − a)/(b − a), an S-curve with μ = 0.5 half way; "
            "<i>fuzzy gaussian</i>: μ = exp(−ln 2 · ((x − c)/h)²) with c = (a + b)/2, h = (b − a)/2, i.e. μ = 1 at the centre and 0.5 at LOWER and "
            "UPPER; "
            "<i>reclassification table</i>: each row min, max, value gives the degree of min &lt; x ≤ max (first matching row; unmatched cells "
            "become nodata); "
            "<i>return period → annual exceedance probability</i>: p = 1 − exp(−1/T) for T in years (Poisson), e.g. T = 100 → 0.00995.</li>"
            "<li><b>DIRECTION</b>: whether a higher raw value means more hazard or less (then μ' = 1 − μ, e.g. distance to a fault). "
            "It does not apply to the table or to return periods.</li>"
            "<li><b>LOWER</b>, <b>UPPER</b>: control points in the raster's unit (percentiles for the percentile method); empty = from the data.</li>"
            "<li><b>TABLE</b>: rows of min, max, value for the reclassification; value between 0 and 1; an empty bound is unbounded.</li>"
            "<li><b>OUTPUT</b>: Float32 raster of degrees 0–1 on the input grid; nodata stays nodata (−9999).</li></ul>"
            "<p>Outputs LOWER_USED and UPPER_USED give the control points actually used, for reports and models.</p>"
            "<h3>References</h3><p>Zadeh L A (1965) Fuzzy sets. Information and Control 8: 338–353. "
            "Eastman J R (1999) Multi-criteria evaluation and GIS, in Longley et al. Geographical Information Systems. "
            "Chow V T, Maidment D R, Mays L W (1988) Applied Hydrology, §12.1.</p>"
        ),
    ),
    "multihazardoverlay": (
        QT_TRANSLATE_NOOP(
            "MultiHazardOverlay",
            "<p>Combines several hazard degrees (0–1 rasters, e.g. from Normalise hazard) into one multi-hazard index, "
            "optionally turned into risk with exposure, vulnerability and coping capacity — the first implementation path of territorial "
            "space resilience: coordinating multiple hazards (统筹多灾害风险).</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>HAZARDS</b>: hazard rasters of any CRS, resolution and extent; they are resampled (bilinear) onto the grid of "
            "<b>REFERENCE</b> (default: the first hazard). Values must lie in 0–1.</li>"
            "<li><b>WEIGHTS</b>: comma list in the order of the hazards (e.g. the output of an AHP); empty = equal.</li>"
            "<li><b>METHOD</b>: <i>weighted sum</i> I = Σ wᵢhᵢ; <i>weighted geometric mean</i> I = Π hᵢ^wᵢ (weights normalised to sum 1 in both); "
            "<i>maximum</i> I = max hᵢ, the worst case, weights ignored; "
            "<i>probabilistic union</i> I = 1 − Π(1 − wᵢhᵢ), the probability that at least one of independent hazards occurs, each weight being "
            "the share of that hazard that acts (0–1, used as given; empty = 1); "
            "<i>OWA</i> I = Σ uₖh₍ₖ₎ over the hazards sorted from the largest, with the <b>ORDER_WEIGHTS</b> v (first = largest; "
            "1,0,…,0 = maximum, equal = mean, 0,…,0,1 = minimum); with unequal hazard weights, uₖ = w₍ₖ₎vₖ/Σw₍ⱼ₎vⱼ (Malczewski 2006).</li>"
            "<li><b>INTERACTIONS</b>: optional n×n matrix m (rows separated by new lines or semicolons, or n² values row by row). Where hazard i "
            "reaches THRESHOLD, hazard j is multiplied by 1 + mᵢⱼ and capped at 1 — cascades such as earthquake → landslide or rainstorm → flood. "
            "Several triggers multiply; triggers use the original values.</li>"
            "<li><b>EXPOSURE</b>, <b>VULNERABILITY</b>, <b>CAPACITY</b>: optional 0–1 rasters; risk R = I · E · V, times (1 − C) when coping "
            "capacity is given.</li>"
            "<li><b>NODATA_POLICY</b>: <i>propagate</i>: a cell missing in any input is nodata; <i>ignore</i>: missing hazards are left out and the "
            "weights of the others renormalised (OWA order weights are re-derived from the same quantifier).</li>"
            "<li><b>THRESHOLD</b> (default 0.5): hazard degree that triggers cascades and counts as a hotspot.</li>"
            "<li><b>OUTPUT</b>: Float32 index; <b>OUTPUT_DOMINANT</b>: 1-based number of the hazard with the largest weighted contribution "
            "wᵢhᵢ (0 = nodata); <b>OUTPUT_COUNT</b>: number of hazards ≥ THRESHOLD (multi-hazard hotspots; 255 = nodata); "
            "<b>OUTPUT_HTML</b>: per-hazard statistics, correlation matrix, weights and formula.</li></ul>"
            "<h3>References</h3><p>UNDRR (2015) Sendai Framework for Disaster Risk Reduction 2015–2030. "
            "Yager R R (1988) On ordered weighted averaging aggregation operators. IEEE SMC 18(1): 183–190. "
            "Malczewski J (2006) Ordered weighted averaging with fuzzy quantifiers: GIS-based multicriteria evaluation for land-use suitability "
            "analysis. "
            "JAG 8(4): 270–277. Gill J C, Malamud B D (2014) Reviewing and visualizing the interactions of natural hazards. Rev. Geophys. 52: "
            "680–722.</p>"
        ),
    ),
    "riskzoning": (
        QT_TRANSLATE_NOOP(
            "RiskZoning",
            "<p>Grades a risk surface into classes, merges patches smaller than a minimum area, and draws the risk zones and the risk control "
            "lines (风险控制线) around the controlled zone for the master plan.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>INPUT</b>: the risk raster (e.g. from Multi-hazard overlay), in a projected CRS in metres.</li>"
            "<li><b>CLASSES</b>: number of grades, 2–9 (default 5: 低 / 较低 / 中 / 较高 / 高).</li>"
            "<li><b>METHOD</b>: <i>natural breaks (Fisher–Jenks)</i>: the partition minimising the within-class sum of squared deviations over every "
            "valid cell — exact on up to 65 536 distinct values, otherwise computed on 16 384 bins whose sums keep each class's deviation exact; "
            "<i>quantile</i>: equal cell counts; <i>equal interval</i>; <i>standard deviation</i>: classes one σ wide, symmetric about the mean "
            "(for an odd number of grades the middle one is centred on the mean, for an even number the mean is a break), the two outer classes "
            "open-ended; "
            "<i>manual</i>: the <b>BREAKS</b> you give.</li>"
            "<li><b>BREAKS</b>: increasing comma list of the k − 1 interior breaks; a value equal to a break belongs to the lower grade. "
            "The output BREAKS_USED has the same form, so a model can reuse it.</li>"
            "<li><b>MIN_AREA</b> (hectares): connected patches (cells sharing an edge) smaller than this merge into their largest neighbour "
            "(GDAL sieve); 0 keeps every cell.</li>"
            "<li><b>CONTROL_GRADE</b>: grades ≥ this form the controlled zone (default: the top grade).</li>"
            "<li><b>UNITS</b>, <b>UNIT_FIELD</b>: optional administrative polygons (e.g. townships) for the area table.</li>"
            "<li><b>OUTPUT</b>: grade raster (Byte, 1 = lowest, 0 = nodata); <b>OUTPUT_ZONES</b>: dissolved polygons with grade, label (interface "
            "language), "
            "label_en, label_zh, area_ha, share_pct; <b>OUTPUT_LINES</b>: the controlled zone's boundaries with line_id, "
            "kind (outer boundary or inner enclave), min_grade and length_m; "
            "<b>OUTPUT_TABLE</b>: area per grade per unit; <b>OUTPUT_HTML</b>: histogram with the breaks, area per grade, goodness of variance "
            "fit.</li></ul>"
            "<h3>References</h3><p>Fisher W D (1958) On grouping for maximum homogeneity. JASA 53: 789–798. "
            "Jenks G F (1977) Optimal data classification for choropleth maps. "
            "Wang H, Song M (2011) Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming. The R Journal 3(2): 29–33. "
            "自然资源部 (2020) 省级国土空间规划编制指南（试行）.</p>"
        ),
    ),
    "ahpweights": (
        QT_TRANSLATE_NOOP(
            "AhpWeights",
            "<p>Derives criterion weights from pairwise comparisons (Analytic Hierarchy Process) and checks that the judgements "
            "are consistent — the first step of zoning under uncertainty, and the usual source of the weights of a multi-hazard "
            "overlay or a suitability analysis.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>MATRIX</b>: the judgements aᵢⱼ on Saaty's 1–9 scale (how much more important criterion i is than j: 1 equal, "
            "3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals such as 1/3 for the reverse). Either the full n×n matrix, "
            "one row per line (or n² values row by row), or only the n(n−1)/2 values above the diagonal, row by row "
            "(a₁₂, a₁₃, …, a₂₃, …), the rest being derived. A matrix that is not reciprocal, not square or has values ≤ 0 is refused.</li>"
            "<li><b>CRITERIA</b>: optional names, in the order of the rows; they also fix n.</li>"
            "<li><b>MAX_CR</b> (default 0.10): the largest acceptable consistency ratio.</li>"
            '<li><b>WEIGHTS</b>: the weights as "w1,w2,…", ready for the WEIGHTS of tsr:suitability or tsr:multihazardoverlay in a model; '
            "<b>CR</b>, <b>CI</b>, <b>LAMBDA_MAX</b>, <b>CONSISTENT</b>: numbers and verdict; <b>OUTPUT_TABLE</b>: criterion, weight, rank; "
            "<b>OUTPUT_HTML</b>: the matrix, the weights and the verdict.</li></ul>"
            "<h3>Formula</h3><p>w = principal right eigenvector of A, normalised to Σw = 1; CI = (λmax − n)/(n − 1); CR = CI/RI with "
            "Saaty's random index RI(3…10) = 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 (Alonso & Lamata's values for 11–15 "
            "criteria). When CR exceeds MAX_CR the report names the judgements that contribute most to the inconsistency "
            "(largest |ln aᵢⱼwⱼ/wᵢ|), the value consistent with the weights and the scale value that lowers CR most.</p>"
            "<h3>References</h3><p>Saaty T L (1977) A scaling method for priorities in hierarchical structures. J. Math. Psychol. 15: 234–281. "
            "Saaty T L (2003) Decision-making with the AHP: why is the principal eigenvector necessary. EJOR 145: 85–91. "
            "Alonso J A, Lamata M T (2006) Consistency in the analytic hierarchy process: a new approach. IJUFKS 14(4): 445–459.</p>"
        ),
    ),
    "suitability": (
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
    ),
    "servicecoverage": (
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
    ),
    "facilitylocation": (
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
    ),
    "evacuationroutes": (
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
    ),
    "setsindex": (
        QT_TRANSLATE_NOOP(
            "SetsIndex",
            "<p>Scores planning units (townships, counties, … polygons) on the three dimensions of territorial space resilience "
            "read as a socio-eco-technological system (SETS): Social (S), Ecological (E) and Technological (T); combines them into "
            "one resilience score, grades and ranks the units, names each unit's weakest dimension (短板) and aggregates the units to "
            "the level above. Scores are relative to the units assessed together: 0 = the weakest, 1 = the strongest.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>INPUT</b>: the planning units (polygons), one feature per unit.</li>"
            "<li><b>SOCIAL_FIELDS</b>, <b>ECOLOGICAL_FIELDS</b>, <b>TECHNOLOGICAL_FIELDS</b>: the numeric indicator fields of each "
            "dimension (at least one each; a field belongs to one dimension only), e.g. GDP per capita, doctors per 1000 (S); forest "
            "cover, share of the ecological red line (E); road density, shelter area per capita, drainage design return period (T).</li>"
            "<li><b>NEGATIVE_FIELDS</b>: indicators for which a higher value is worse (e.g. share of elderly people, impervious share); "
            "they are reversed.</li>"
            "<li><b>WEIGHTING</b>: how the indicators of a dimension are weighted (the weights sum to 1 within each dimension): "
            "<i>equal</i>; <i>entropy weight method</i> p<sub>ij</sub> = r<sub>ij</sub>/Σ<sub>i</sub>r<sub>ij</sub>, "
            "e<sub>j</sub> = −(1/ln m) Σ<sub>i</sub> p<sub>ij</sub> ln p<sub>ij</sub> (0·ln 0 = 0), w<sub>j</sub> = (1 − "
            "e<sub>j</sub>)/Σ<sub>k</sub>(1 − e<sub>k</sub>): "
            "indicators that differ more between units weigh more; <i>CRITIC</i> C<sub>j</sub> = σ<sub>j</sub> Σ<sub>k</sub>(1 − ρ<sub>jk</sub>), "
            "w<sub>j</sub> = C<sub>j</sub>/Σ C<sub>k</sub>, with σ the standard deviation of the normalised values and ρ the Pearson correlation "
            "with the other indicators of the same dimension: contrast and conflict both add weight, redundant indicators share it "
            "(if no indicator conflicts with another, w ∝ σ); <i>given</i>: the <b>WEIGHTS</b>.</li>"
            "<li><b>WEIGHTS</b>: for the given method, a comma list with one weight per indicator field, social fields first, then "
            "ecological, then technological, each in the order chosen (e.g. the WEIGHTS of tsr:ahpweights run per dimension, or the "
            "WEIGHTS_USED of an earlier run); renormalised to sum 1 within each dimension. Ignored by the other methods.</li>"
            "<li><b>DIMENSION_WEIGHTS</b>: v<sub>S</sub>, v<sub>E</sub>, v<sub>T</sub> as a comma list (normalised to sum 1); empty = 1/3 each.</li>"
            "<li><b>AGGREGATION</b>: the dimension index is D = Σ w<sub>j</sub>r<sub>j</sub> over its indicators; the resilience "
            "combines the three: <i>weighted sum</i> R = v<sub>S</sub>S + v<sub>E</sub>E + v<sub>T</sub>T (a strong dimension "
            "compensates a weak one); <i>weighted geometric mean</i> R = Π (ε + (1 − ε)D)<sup>v</sup>, ε = 0.01, which limits "
            "that compensation, as the Human Development Index does across its dimensions. The geometric mean needs positive values: "
            "the dimension indices are mapped onto [0.01, 1] (the 1–100 scale), so a unit lowest on every indicator of one dimension "
            "does not get 0 whatever its other dimensions.</li>"
            "<li><b>LEVEL</b>: the level of the units (national, province, city, county, township), written to the <i>level</i> field.</li>"
            "<li><b>PARENT_FIELD</b>: optional field holding the code of the unit above (e.g. the county code of each township); "
            "the parent level is the next one up (township → county → city → province → national); national units have no parent. "
            "Units without a parent value are left out of the parents (with a warning).</li>"
            "<li><b>POPULATION_FIELD</b>: optional numeric population of each unit: the parent scores are population-weighted "
            "means of the unit scores, S̄ = Σ P<sub>i</sub>S<sub>i</sub>/Σ P<sub>i</sub> (likewise E, T and R); without it, plain means.</li>"
            "<li><b>OUTPUT</b>: the units with their attributes and S_index, E_index, T_index, resilience, grade (1–5), label "
            "(interface language), label_en, label_zh, weakest (S, E or T: the lowest index), rank (1 = most resilient; equal "
            "scores share a rank) and level. An input field with one of these names is replaced.</li>"
            "<li><b>OUTPUT_PARENT</b>: the parent units, their units dissolved into one polygon each, with parent, units, "
            "population and the same scores.</li>"
            "<li><b>OUTPUT_HTML</b>: the set-up and formula, the weights of every indicator per dimension with the terms of the "
            "method (entropy, or σ, conflict and C for CRITIC), imputed nulls, units per grade and every unit's profile (S, E, T "
            "bars, resilience, grade, weakest dimension), and the parent units.</li>"
            "<li><b>MEAN_RESILIENCE</b>: mean resilience of the units; <b>WEIGHTS_USED</b>: the indicator weights used (within each "
            "dimension, in the order of WEIGHTS), to repeat the run with the given method or to report them.</li></ul>"
            "<h3>Method</h3><p>Indicators are normalised over the units by min–max, r = (x − min)/(max − min), and r = 1 − (x − min)/(max − min) "
            "for negative fields. A null value is replaced by the mean of the other units for that field (reported per field in the "
            "log and the report). A field with the same value in every unit carries no information: it gets weight 0 whatever the "
            "method (a warning says so); if every field of a dimension is constant, the run stops. Grades are equal intervals of R: "
            "1 low (R ≤ 0.2), 2 relatively low (≤ 0.4), 3 medium (≤ 0.6), 4 relatively high (≤ 0.8), 5 high; a score on a break is in "
            "the lower grade. Missing, non-numeric or duplicated fields, an empty layer, a wrong number of weights and a parent "
            "field with national units are refused with a message.</p>"
            "<h3>References</h3><p>Diakoulaki D, Mavrotas G, Papayannakis L (1995) Determining objective weights in multiple criteria "
            "problems: the CRITIC method. Computers &amp; Operations Research 22(7): 763–770. Shannon C E (1948) A mathematical theory "
            "of communication. Bell System Technical Journal 27: 379–423. Zeleny M (1982) Multiple Criteria Decision Making. "
            "OECD/JRC (2008) Handbook on Constructing Composite Indicators: Methodology and User Guide. UNDP (2014) Human Development "
            "Report, Technical notes. Markolf S A et al. (2018) Interdependent infrastructure as linked social, ecological, and "
            "technological systems (SETSs) to address lock-in and enhance resilience. Earth's Future 6: 1638–1659. "
            "Yang Xuanmei. Territorial space resilience: a conceptual framework and its implementation path "
            "(国土空间韧性：概念框架及其实施路径).</p>"
        ),
    ),
    "landallocation": (
        QT_TRANSLATE_NOOP(
            "LandAllocation",
            "<p>Scenario land allocation (情景用地优化配置) — the multi-objective genetic algorithm of the second implementation path, "
            "zoning that adapts to uncertainty: every planning unit (a parcel, or a cell of a regular grid) gets a land use so that the "
            "area demanded of each use is met within its tolerance and locked land (ecological protection red line, permanent basic "
            "farmland, heritage) keeps its current use, while suitability, exposure to risk, compactness and conversions are traded "
            "off. The result is not one plan but a Pareto front of scenarios to choose from: the compromise (knee) scenario is mapped, "
            "with a few others spread along the front.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>UNITS</b>: planning units (polygons in a projected CRS in metres; their planimetric areas in hectares). Empty: a "
            "grid of square cells <b>CELL_SIZE</b> metres wide laid from the upper-left corner over the extent of the first raster of "
            "SUITABILITY (at least one of its cells wide); cells where that raster has no data are left out, and a cell's area is that "
            "of the raster cells with data whose centres it holds, so cells on the edge count only their part of the study area. Grid "
            "neighbours share an edge (4-neighbourhood, weight 1); polygons are neighbours when they share a boundary of positive "
            "length (corners do not count), weighted by that length in metres (boundaries within 1 cm of each other count as shared). "
            "Polygons should not overlap.</li>"
            "<li><b>SUITABILITY</b>: one row per land use, rows separated by new lines or semicolons, values by commas: <i>use, "
            "source</i>, the source being a numeric field of UNITS or a raster (file path, or the id or name of a loaded layer), e.g. "
            "<code>urban, suit_urban; farmland, /data/farmland_suitability.tif</code>. The rows define the uses and their order. "
            "Values 0–1 (e.g. OUTPUT_MEAN of tsr:suitability); NULL or no raster data means the use may not be placed on the unit. "
            "A source that names a field is read as the field. The value of a raster for a polygon is the mean of the cells whose "
            "centres fall inside it (a polygon that holds no cell centre takes the cell under a point inside it); for a grid cell, the "
            "mean of the raster cells in it. Rasters on another grid are first aligned (bilinear) to the first raster named.</li>"
            "<li><b>DEMAND</b>: one row per use: <i>use, required area (ha), tolerance</i>, the tolerance in hectares or as a "
            "percentage of the required area (default 0), e.g. <code>urban, 1200, 50; farmland, 3000, 5%</code>. Every scenario "
            "returned meets d − t ≤ A ≤ d + t for every use, locked units included. A use without a row has no demand (its area is "
            "free); a use that is not in SUITABILITY is refused. Units are allocated whole, so a tolerance narrower than the units "
            "may be impossible to meet: the run then stops and names the use; so does a demand that the suitable unlocked land "
            "cannot hold.</li>"
            "<li><b>CURRENT_USE_FIELD</b>: the current use of each unit, written as the use names (case and surrounding spaces "
            "ignored); any other value, or NULL, is <i>other</i> (none of the planned uses: water, roads, reserved land…). Or "
            "<b>CURRENT_USE_RASTER</b>, a class raster such as a land-cover map, with <b>CURRENT_USE_CLASSES</b>: rows <i>use, value, "
            "value…</i>, e.g. <code>urban, 5; farmland, 1; forest, 2, 3</code>; a unit takes the class most of its cells hold (ties: "
            "the smallest value). Without either, every unit is <i>other</i> today.</li>"
            "<li><b>LOCKED_FIELD</b>: units that may not change: a number other than 0, or yes/true/1, locks; NULL, 0, no/false do "
            "not. <b>LOCKED_ZONES</b>: polygon layers (any CRS) that lock the units whose point on surface (a grid cell's centre) lies "
            "inside them — e.g. the ecological protection red line and the permanent basic farmland. A locked unit keeps its current "
            "use and counts towards that use's area.</li>"
            "<li><b>RISK</b>: a 0–1 risk raster (e.g. the index of tsr:multihazardoverlay), or <b>RISK_FIELD</b>: a numeric 0–1 "
            "field of UNITS; not both. They are two parameters rather than one text so that the Model Builder can connect the raster "
            "output of an earlier step to RISK and offer a list of fields for RISK_FIELD; with qgis_process RISK is a raster path and "
            "RISK_FIELD a field name. Every unit needs a risk value.</li>"
            "<li><b>POPULATION_FIELD</b>: the persons a unit holds, or would hold as development (e.g. planned density × area): the "
            "exposure then counts persons; without it, hectares. <b>DEVELOPMENT_USES</b>: comma list of the uses whose land counts "
            "as exposed (e.g. <code>urban, industrial</code>); needed by the exposure objective.</li>"
            "<li><b>OBJECTIVES</b>: any of the four, in this order (default all), with x<sub>i</sub> the use given to unit i, "
            "a<sub>i</sub> its area (ha), s<sub>iu</sub> its suitability for use u, r<sub>i</sub> its risk and c<sub>i</sub> its "
            "current use: <i>maximise suitability</i> S = Σ a<sub>i</sub>s<sub>i,x<sub>i</sub></sub> / Σ a<sub>i</sub> over the "
            "unlocked units given a planned use (0–1); <i>minimise exposure</i> E = Σ w<sub>i</sub>r<sub>i</sub> over the units "
            "given a development use, w<sub>i</sub> the population (persons) or the area (ha: a risk-weighted development area); "
            "<i>maximise compactness</i> C = Σ w<sub>ij</sub>[x<sub>i</sub> = x<sub>j</sub>] / Σ w<sub>ij</sub> over the ordered "
            "pairs of neighbours (i, j) with x<sub>i</sub> a planned use, w<sub>ij</sub> the adjacency weight: the share of the "
            "boundary of the planned uses' units that they share with units of the same use (0–1; the edge of the study area does "
            "not count); <i>minimise conversions</i> V = Σ a<sub>i</sub>[x<sub>i</sub> ≠ c<sub>i</sub>] (ha). Locked units count "
            "in E, C and V, not in S.</li>"
            "<li><b>POPULATION_SIZE</b> (solutions per generation, default 100), <b>GENERATIONS</b> (default 200) and <b>SEED</b>: "
            "the same inputs and seed give the same scenarios. A run costs about POPULATION_SIZE × GENERATIONS repairs: 100 × 200 on "
            "3000 units takes some 20 s.</li>"
            "<li><b>SCENARIOS</b> (default 5): how many scenarios are kept as columns: s1 is the knee, then the best solution in "
            "each objective, then repeatedly the solution farthest (Euclidean distance, objectives scaled to 0–1 over the front) "
            "from those already kept.</li>"
            "<li><b>OUTPUT</b>: the units with their attributes (grid: unit_id, grid_row, grid_col) and area_ha, current_use, "
            "locked (0/1), risk, <i>use</i> (the compromise scenario), changed (0/1: use differs from the current use) and use_s1, "
            "use_s2, … (s1 = the knee). Uses are written by name, <i>other</i> for none of them; a unit left unplanned keeps its "
            "current value (e.g. <i>water</i>). An input field with one of these names is replaced.</li>"
            "<li><b>OUTPUT_PARETO</b>: one row per non-dominated solution, sorted by the objectives: solution_id, one column per "
            "objective in its natural sense — suitability (0–1), exposed_population (persons) or exposed_area_ha (ha), compactness "
            "(0–1), converted_ha (ha) — knee (0/1), kept (0/1) and scenario (its column in OUTPUT).</li>"
            "<li><b>OUTPUT_HTML</b>: set-up and demands; the front as a scatter plot (two objectives) or a scatter matrix and "
            "parallel coordinates (three or four); the kept scenarios compared on the objectives, the area per use, the risk "
            "exposure and the conversions (tables and bars); the transitions of the compromise scenario; the hypervolume by "
            "generation; every solution.</li>"
            "<li><b>HYPERVOLUME</b>: normalised hypervolume of the final front; <b>KNEE_ID</b>: solution_id of the compromise; "
            "<b>FRONT_SIZE</b>: number of non-dominated solutions.</li></ul>"
            "<h3>Method</h3><p>NSGA-II: fast non-dominated sorting, crowding distance, binary tournaments and elitist (μ + λ) "
            "survival; copies of an allocation are put after every distinct one. Every operator keeps the solutions feasible and "
            "never touches a locked unit: <i>crossover</i> copies contiguous zones (regions of about 1 to 256 units around random "
            "seed units on the adjacency graph) from the second parent; <i>mutation</i> gives a whole zone one use, or moves patch "
            "edges (a unit takes a neighbour's use); <i>repair</i> then brings every use within its demand ± tolerance, shrinking a "
            "use from the edges of its patches and growing it from the units next to them, ranked by a merit that mixes suitability, "
            "exposure and keeping the current use with weights drawn afresh for each repair. The first generation holds the current "
            "uses, the most suitable use of every unit and the empty plan, each repaired, and variants of them. Before the run the "
            "demands are checked against the land that can take them (Hall's condition over every set of uses).</p>"
            "<p><b>Knee</b> (the compromise): with every objective scaled to 0–1 over the front, f' = (f − min)/(max − min), the "
            "solution nearest the ideal point (0, …, 0) — the L2 compromise solution. <b>Hypervolume</b>: the volume of the "
            "objective space that the front dominates up to a reference point, computed exactly on objectives scaled by fixed "
            "bounds (S and C: 0–1; V: 0 to the unlocked area; E: from the exposure of the locked development to that plus every "
            "unlocked unit that could be developed) with the reference point 1.1 in each, so it lies between 0 and 1.1<sup>m</sup> "
            "for m objectives and can be compared across generations; it rises while the search improves. The optimiser is "
            "validated on ZDT1, whose front f₂ = 1 − √f₁ is known, by the hypervolume it reaches.</p>"
            "<h3>References</h3><p>Deb K, Pratap A, Agarwal S, Meyarivan T (2002) A fast and elitist multiobjective genetic "
            "algorithm: NSGA-II. IEEE Transactions on Evolutionary Computation 6(2): 182–197. Zitzler E, Thiele L (1998) "
            "Multiobjective optimization using evolutionary algorithms — a comparative case study. PPSN V, LNCS 1498: 292–301. "
            "Zitzler E, Thiele L (1999) Multiobjective evolutionary algorithms: a comparative case study and the strength Pareto "
            "approach. IEEE Transactions on Evolutionary Computation 3(4): 257–271. Zitzler E, Deb K, Thiele L (2000) Comparison of "
            "multiobjective evolutionary algorithms: empirical results. Evolutionary Computation 8(2): 173–195 (ZDT1). Stewart T J, "
            "Janssen R, van Herwijnen M (2004) A genetic algorithm approach to multiobjective land use planning. Computers &amp; "
            "Operations Research 31(14): 2293–2313. Cao K, Batty M, Huang B, Liu Y, Yu L, Chen J (2011) Spatial multi-objective "
            "land use optimization: extensions to the non-dominated sorting genetic algorithm-II. International Journal of "
            "Geographical Information Science 25(12): 1949–1969. Cao K, Huang B, Wang S, Lin H (2012) Sustainable land use "
            "optimization using Boundary-based Fast Genetic Algorithm. Computers, Environment and Urban Systems 36(3): 257–269. "
            "Yu P L (1973) A class of solutions for group decision problems. Management Science 19(8): 936–946. Hall P (1935) On "
            "representatives of subsets. Journal of the London Mathematical Society 10(1): 26–30.</p>"
        ),
    ),
}

#: What each algorithm refuses and reports; the output checks follow every one.
CHECKS: dict[str, tuple[tuple[str, str], ...]] = {
    "normalizehazard": (
        QT_TRANSLATE_NOOP(
            "NormalizeHazard",
            "BAND must be 1 … the number of bands. Return periods ≤ 0 and cells matching no table row become nodata and "
            "are counted in the log; a constant raster, equal or inverted control points and NaN bounds are refused."
        ),
    ),
    "multihazardoverlay": (
        QT_TRANSLATE_NOOP(
            "MultiHazardOverlay",
            "A hazard with values on less than 10 % of the cells where any hazard has a value is warned about. Hazards that "
            "share no cell: an error under <i>propagate</i>, a warning under <i>ignore</i>. At most 254 hazards. On a "
            "geographic or Web Mercator reference grid the report gives no hectares."
        ),
    ),
    "riskzoning": (
        QT_TRANSLATE_NOOP(
            "RiskZoning",
            "BREAKS must hold exactly CLASSES − 1 increasing values, otherwise the run is refused. BREAKS_USED holds the exact "
            "breaks, so fed back as BREAKS it reproduces the grades. MIN_AREA must be smaller than the valid area. Units "
            "without geometry, or without any graded cell, keep a row of zero areas and are listed in the log; invalid unit "
            "polygons are repaired and the repairs reported. Grades left without any cell are named."
        ),
    ),
    "ahpweights": (
        QT_TRANSLATE_NOOP(
            "AhpWeights",
            "Several lines must form a matrix: n × n, or the upper triangle n−1 … 1 values. Judgements beyond 1/1000 … 1000, "
            "zero, negative or non-reciprocal entries and duplicate criterion names are refused."
        ),
    ),
    "suitability": (
        QT_TRANSLATE_NOOP(
            "Suitability",
            "Exclusion zones and constraint rasters only remove cells that have data in every criterion; cells outside stay "
            "nodata and their area is not counted. Criteria that never overlap, an all-nodata criterion and weights that sum "
            "to 0 are refused. The run time is estimated on a timed sample: over 10 minutes it is warned about, over 24 hours "
            "refused."
        ),
    ),
    "landallocation": (
        QT_TRANSLATE_NOOP(
            "LandAllocation",
            "Objective values within 10⁻⁹ of the largest magnitude of that objective count as equal when scenarios are compared "
            "(float ties do not make a dominated scenario Pareto-optimal). A current-use class given to two uses is refused. "
            "Settings whose estimated memory exceeds 80 % of the available memory, or whose estimated time exceeds 12 hours, are "
            "refused; over 10 minutes they are warned about. Units without geometry are refused (named); a NULL or NaN "
            "population is missing and the unit named."
        ),
    ),
    "setsindex": (
        QT_TRANSLATE_NOOP(
            "SetsIndex",
            "Units without geometry are scored, ranked and written without a geometry; they are counted and named in the log "
            "and the report, as are the parents whose outline leaves them out."
        ),
    ),
    "servicecoverage": (NETWORK_CHECKS,),
    "facilitylocation": (
        NETWORK_CHECKS,
        QT_TRANSLATE_NOOP(
            "FacilityLocation",
            "TIME_LIMIT is one wall-clock budget for all the solving, the coverage curve included (HiGHS runs in slices of "
            "about a second, so that cancelling is heard). Cost tables: NaN, negative or non-numeric costs and pairs given "
            "twice are refused naming the row; NULL and +∞ mean unreachable (reported)."
        ),
    ),
    "evacuationroutes": (
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
    ),
}
# fmt: on


def _translated(parts: tuple[tuple[str, str], ...], separator: str) -> str:
    return separator.join(QCoreApplication.translate(context, text) for context, text in parts)


def help_html(alg_id: str) -> str:
    """The help shown beside the algorithm's dialog (shortHelpString)."""
    text = _translated(HELP.get(alg_id, ()), "")
    checks = CHECKS.get(alg_id)
    if checks:
        text += f"<h3>{tr('Checks')}</h3><p>{_translated(checks + (OUTPUT_CHECKS,), ' ')}</p>"
    return text
