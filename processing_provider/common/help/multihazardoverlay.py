"""Help of tsr:multihazardoverlay: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
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
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "MultiHazardOverlay",
        "A hazard with values on less than 10 % of the cells where any hazard has a value is warned about. Hazards that "
        "share no cell: an error under <i>propagate</i>, a warning under <i>ignore</i>. At most 254 hazards. On a "
        "geographic or Web Mercator reference grid the report gives no hectares."
    ),
)
# fmt: on
