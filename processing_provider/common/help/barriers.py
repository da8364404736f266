"""Help of tsr:barriers: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "Barriers",
        "<p>Finds the barriers (障碍点) whose restoration would improve connectivity most, as Linkage Mapper's Barrier Mapper: for each "
        "linked pair of sources and each search radius R, the improvement score of restoring a circular window of radius R, centred on a "
        "cell, to resistance 1.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>SOURCES</b>, <b>SOURCE_ID_FIELD</b>: the ecological sources (polygons) and their ids, as given to Ecological corridors.</li>"
        "<li><b>RESISTANCE</b>: resistance surface (≥ 1; nodata = impassable).</li>"
        "<li><b>PATHS</b>: the least-cost paths of Ecological corridors; their from_id and to_id say which pairs are linked.</li>"
        "<li><b>RADII</b>: search radii in map units, e.g. 100, 200, 400; the window is the disk of the cells whose centre lies within R.</li>"
        "<li><b>OUTPUT</b>: the largest improvement score over the pairs and radii; <b>OUTPUT_RADIUS</b>: the radius giving it "
        "(nodata where no restoration helps); <b>OUTPUT_HTML</b>: the report.</li></ul>"
        "<p>Formula: with CWD_a, CWD_b the cost-weighted distances from the two sources (8 neighbours, mean resistance of the two cells × "
        "step length) and LCD_ab = min (CWD_a + CWD_b), restoring the window gives LCD'_ab = min(LCD_ab, min_window CWD_a + min_window "
        "CWD_b + 2R) and the score IS = (LCD_ab − LCD'_ab) / (2R): the reduction of the least-cost distance per map unit restored "
        "(resistance units).</p>"
        "<h3>References</h3><p>McRae B H, Hall S A, Beier P, Theobald D M (2012) Where to restore ecological connectivity? Detecting "
        "barriers and quantifying restoration benefits. PLoS ONE 7(12): e52604. "
        "McRae B H, Kavanagh D M (2011) Linkage Mapper Connectivity Analysis Software. The Nature Conservancy, Seattle.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "Barriers",
        "Resistances below 1, a geographic CRS, fewer than two sources, radii that are not positive numbers and PATHS without from_id and "
        "to_id or linking none of the SOURCES are refused. Paths naming unknown sources are skipped and counted; pairs that cannot reach "
        "each other are reported."
    ),
)
# fmt: on
