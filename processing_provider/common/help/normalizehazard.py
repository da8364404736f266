"""Help of tsr:normalizehazard: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
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
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "NormalizeHazard",
        "BAND must be 1 … the number of bands. Return periods ≤ 0 and cells matching no table row become nodata and "
        "are counted in the log; a constant raster, equal or inverted control points and NaN bounds are refused."
    ),
)
# fmt: on
