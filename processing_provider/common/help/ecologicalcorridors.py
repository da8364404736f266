"""Help of tsr:ecologicalcorridors: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "EcologicalCorridors",
        "<p>Builds the corridors of an ecological security pattern by the minimum cumulative resistance (MCR) model: the cost-distance "
        "surface from the ecological sources, the cost allocation, the normalised least-cost corridors and the least-cost paths between "
        "pairs of sources, ranked by the gravity model, with the points where the paths cross roads (what Linkage Mapper's "
        "\"Build Network and Map Linkages\" does).</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>SOURCES</b>: ecological source polygons (生态源地); <b>SOURCE_ID_FIELD</b>: their ids (unique; empty = feature order 1, 2, …). "
        "A source is the cells whose centre lies in its polygon (the cells it touches when it covers no centre).</li>"
        "<li><b>RESISTANCE</b>: resistance surface (阻力面), every value ≥ 1, nodata = impassable (barrier); projected CRS in metres.</li>"
        "<li><b>NEIGHBOURS</b>: which pairs get a corridor: <i>cost-allocation adjacency</i> (sources whose cost zones touch), "
        "<i>Euclidean adjacency</i> (sources whose Euclidean zones touch) or <i>all pairs</i>.</li>"
        "<li><b>MAX_COST_DISTANCE</b>: corridors whose least-cost distance exceeds it are dropped (0 = no limit).</li>"
        "<li><b>CORRIDOR_WIDTH</b>: cut-off of the normalised corridor in cost units (0 = no cut; a cut also makes the run faster).</li>"
        "<li><b>ROADS</b>: optional road lines; every crossing of a least-cost path is a conflict point.</li></ul>"
        "<h3>Formulas</h3><p>A move to one of the 8 neighbouring cells costs (R<sub>i</sub> + R<sub>j</sub>)/2 × its length (the cell "
        "size, √2 × cell size on diagonals), as GRASS r.cost (without knight's moves) and ArcGIS Cost Distance; costs are in resistance × "
        "metres. CWD<sub>a</sub> is the accumulated cost from source a (0 on its cells), LCD<sub>ab</sub> = min over b's cells of "
        "CWD<sub>a</sub> (cwd of the link). Normalised corridor = CWD<sub>a</sub> + CWD<sub>b</sub> − LCD<sub>ab</sub>, minimum over the "
        "pairs, kept where ≤ CORRIDOR_WIDTH; it is 0 on the least-cost paths. "
        "Gravity (Kong et al. 2010): G<sub>ab</sub> = N<sub>a</sub>N<sub>b</sub>/D<sub>ab</sub>², N = ln(S)/P with P the mean resistance "
        "of the source and S its area in m², D<sub>ab</sub> = L<sub>ab</sub>/L<sub>max</sub> with L the least-cost distance of the corridor "
        "and L<sub>max</sub> the largest of the kept corridors. A corridor is <i>important</i> when its G is at or above the median G of "
        "the kept corridors, otherwise <i>general</i>.</p>"
        "<h3>Outputs</h3><ul>"
        "<li><b>OUTPUT_COST_DISTANCE</b>: the MCR surface, cumulative resistance to the nearest source (Float32, nodata where unreachable).</li>"
        "<li><b>OUTPUT_ALLOCATION</b>: id of that source (its rank when the ids are not positive integers).</li>"
        "<li><b>OUTPUT_CORRIDORS</b>: the normalised least-cost corridors.</li>"
        "<li><b>OUTPUT_PATHS</b>: least-cost paths with from_id, to_id, cwd, euc_dist (edge-to-edge distance, m), lcp_length (path length, m), "
        "cwd_to_euc, cwd_to_path (mean resistance along the path), gravity, importance.</li>"
        "<li><b>OUTPUT_CONFLICTS</b>: points where paths cross ROADS (from_id, to_id, road_fid, gravity, importance).</li>"
        "<li><b>OUTPUT_HTML</b>: report with the sources, corridors and gravity chart.</li></ul>"
        "<h3>References</h3><p>Knaapen J P, Scheffer M, Harms B (1992) Estimating habitat isolation in landscape planning. Landscape and "
        "Urban Planning 23: 1–16. Yu K (1999) Landscape ecological security patterns in biological conservation. Acta Ecologica Sinica 19: "
        "8–15 (俞孔坚, 生物保护的景观生态安全格局). McRae B H, Kavanagh D M (2011) Linkage Mapper Connectivity Analysis Software. The Nature "
        "Conservancy. Kong F, Yin H, Nakagoshi N, Zong Y (2010) Urban green space network development for biodiversity conservation: "
        "identification based on graph theory and gravity modeling. Landscape and Urban Planning 95: 16–27. GRASS GIS manual, r.cost.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "EcologicalCorridors",
        "Resistance values below 1 (or zero, negative) are refused with their count; an all-nodata resistance, a geographic or Web "
        "Mercator CRS, a rotated grid, fewer than two sources on the raster, duplicate or NULL ids are refused. Sources outside the raster "
        "or on nodata only are left out with a warning; pairs beyond MAX_COST_DISTANCE or unreachable are listed in the log."
    ),
)
# fmt: on
