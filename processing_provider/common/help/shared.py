"""Help parts that several algorithms share: the road-network parameters and the output checks."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
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
# fmt: on
