"""Help of tsr:riskzoning: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
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
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "RiskZoning",
        "BREAKS must hold exactly CLASSES − 1 increasing values, otherwise the run is refused. BREAKS_USED holds the exact "
        "breaks, so fed back as BREAKS it reproduces the grades. MIN_AREA must be smaller than the valid area. Units "
        "without geometry, or without any graded cell, keep a row of zero areas and are listed in the log; invalid unit "
        "polygons are repaired and the repairs reported. Grades left without any cell are named."
    ),
)
# fmt: on
