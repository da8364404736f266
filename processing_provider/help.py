"""Help texts of the algorithms, keyed by algorithm id: purpose, parameters, formula, units,
references. Each text is one translatable string so that translators see it whole."""

from __future__ import annotations

from ..i18n import tr


def _texts() -> dict[str, str]:
    return {
        "normalizehazard": tr(
            "<p>Turns a hazard or indicator raster into a degree between 0 (no hazard) and 1 (highest hazard), "
            "so that hazards measured in metres, g, °C or probabilities can be overlaid.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>INPUT</b>, <b>BAND</b>: the raster and band to normalise (any unit).</li>"
            "<li><b>METHOD</b>: <i>min-max</i> μ = (x − a)/(b − a) with a, b the data minimum and maximum (or LOWER/UPPER when given); "
            "<i>percentile min-max</i>: the same with a, b the LOWER and UPPER percentiles of the data (default 2 and 98), robust to outliers; "
            "<i>fuzzy linear</i>: linear membership between the control points LOWER = a (μ = 0) and UPPER = b (μ = 1); "
            "<i>fuzzy sigmoid</i>: μ = sin²(π/2 · t), t = (x − a)/(b − a), an S-curve with μ = 0.5 half way; "
            "<i>fuzzy gaussian</i>: μ = exp(−ln 2 · ((x − c)/h)²) with c = (a + b)/2, h = (b − a)/2, i.e. μ = 1 at the centre and 0.5 at LOWER and UPPER; "
            "<i>reclassification table</i>: each row min, max, value gives the degree of min &lt; x ≤ max (first matching row; unmatched cells become nodata); "
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
        "multihazardoverlay": tr(
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
            "<li><b>EXPOSURE</b>, <b>VULNERABILITY</b>, <b>CAPACITY</b>: optional 0–1 rasters; risk R = I · E · V, times (1 − C) when coping capacity is given.</li>"
            "<li><b>NODATA_POLICY</b>: <i>propagate</i>: a cell missing in any input is nodata; <i>ignore</i>: missing hazards are left out and the "
            "weights of the others renormalised (OWA order weights are re-derived from the same quantifier).</li>"
            "<li><b>THRESHOLD</b> (default 0.5): hazard degree that triggers cascades and counts as a hotspot.</li>"
            "<li><b>OUTPUT</b>: Float32 index; <b>OUTPUT_DOMINANT</b>: 1-based number of the hazard with the largest weighted contribution "
            "wᵢhᵢ (0 = nodata); <b>OUTPUT_COUNT</b>: number of hazards ≥ THRESHOLD (multi-hazard hotspots; 255 = nodata); "
            "<b>OUTPUT_HTML</b>: per-hazard statistics, correlation matrix, weights and formula.</li></ul>"
            "<h3>References</h3><p>UNDRR (2015) Sendai Framework for Disaster Risk Reduction 2015–2030. "
            "Yager R R (1988) On ordered weighted averaging aggregation operators. IEEE SMC 18(1): 183–190. "
            "Malczewski J (2006) Ordered weighted averaging with fuzzy quantifiers: GIS-based multicriteria evaluation for land-use suitability analysis. "
            "JAG 8(4): 270–277. Gill J C, Malamud B D (2014) Reviewing and visualizing the interactions of natural hazards. Rev. Geophys. 52: 680–722.</p>"
        ),
        "riskzoning": tr(
            "<p>Grades a risk surface into classes, merges patches smaller than a minimum area, and draws the risk zones and the risk control "
            "lines (风险控制线) around the controlled zone for the master plan.</p>"
            "<h3>Parameters</h3><ul>"
            "<li><b>INPUT</b>: the risk raster (e.g. from Multi-hazard overlay), in a projected CRS in metres.</li>"
            "<li><b>CLASSES</b>: number of grades, 2–9 (default 5: 低 / 较低 / 中 / 较高 / 高).</li>"
            "<li><b>METHOD</b>: <i>natural breaks (Fisher–Jenks)</i>: the partition minimising the within-class sum of squared deviations over every "
            "valid cell — exact on up to 65 536 distinct values, otherwise computed on 16 384 bins whose sums keep each class's deviation exact; "
            "<i>quantile</i>: equal cell counts; <i>equal interval</i>; <i>standard deviation</i>: classes one σ wide, symmetric about the mean (for an odd number of grades the middle one is centred on the mean, for an even number the mean is a break), the two outer classes open-ended; "
            "<i>manual</i>: the <b>BREAKS</b> you give.</li>"
            "<li><b>BREAKS</b>: increasing comma list of the k − 1 interior breaks; a value equal to a break belongs to the lower grade. "
            "The output BREAKS_USED has the same form, so a model can reuse it.</li>"
            "<li><b>MIN_AREA</b> (hectares): connected patches (cells sharing an edge) smaller than this merge into their largest neighbour "
            "(GDAL sieve); 0 keeps every cell.</li>"
            "<li><b>CONTROL_GRADE</b>: grades ≥ this form the controlled zone (default: the top grade).</li>"
            "<li><b>UNITS</b>, <b>UNIT_FIELD</b>: optional administrative polygons (e.g. townships) for the area table.</li>"
            "<li><b>OUTPUT</b>: grade raster (Byte, 1 = lowest, 0 = nodata); <b>OUTPUT_ZONES</b>: dissolved polygons with grade, label (interface language), "
            "label_en, label_zh, area_ha, share_pct; <b>OUTPUT_LINES</b>: the controlled zone's boundaries with line_id, "
            "kind (outer boundary or inner enclave), min_grade and length_m; "
            "<b>OUTPUT_TABLE</b>: area per grade per unit; <b>OUTPUT_HTML</b>: histogram with the breaks, area per grade, goodness of variance fit.</li></ul>"
            "<h3>References</h3><p>Fisher W D (1958) On grouping for maximum homogeneity. JASA 53: 789–798. "
            "Jenks G F (1977) Optimal data classification for choropleth maps. "
            "Wang H, Song M (2011) Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming. The R Journal 3(2): 29–33. "
            "自然资源部 (2020) 省级国土空间规划编制指南（试行）.</p>"
        ),
        "ahpweights": tr(
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
            "<li><b>WEIGHTS</b>: the weights as \"w1,w2,…\", ready for the WEIGHTS of tsr:suitability or tsr:multihazardoverlay in a model; "
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
    }


def help_html(alg_id: str) -> str:
    return _texts().get(alg_id, "")
