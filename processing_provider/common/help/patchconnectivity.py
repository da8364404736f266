"""Help of tsr:patchconnectivity: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "PatchConnectivity",
        "<p>Graph connectivity of habitat patches and the importance of each patch, with the indices of Conefor: the patches "
        "with the highest dPC are candidate ecological sources (生态源地), and the distance curve shows the spatial threshold at "
        "which the network falls apart.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>PATCHES</b>: habitat polygons (projected CRS in metres), or <b>HABITAT</b>: a raster whose cells of "
        "<b>HABITAT_CLASSES</b> (empty = every value other than 0) form patches of 8-connected cells. "
        "<b>MIN_AREA</b> (ha): smaller patches are left out.</li>"
        "<li><b>ATTRIBUTE_FIELD</b>: the patch attribute aᵢ; empty = the area in ha; or e.g. a quality-weighted area.</li>"
        "<li><b>DISTANCE</b>: <i>edge-to-edge Euclidean</i> distance in metres (0 for touching patches), or <i>least cost</i> over "
        "<b>RESISTANCE</b>: the smallest accumulated cost from the cells of one patch to a cell of the other (8-connected "
        "moves, each step costs the mean resistance of its two cells times its length), in resistance × metres.</li>"
        "<li><b>THRESHOLD</b>: dispersal distance d_T (m or cost units): pairs within it are linked in the binary graph of IIC. "
        "<b>PROBABILITY</b>: dispersal probability P_T at d_T, strictly between 0 and 1; pᵢⱼ = exp(−k·dᵢⱼ) with "
        "k = −ln(P_T)/d_T.</li>"
        "<li><b>LANDSCAPE_AREA</b>: A_L in ha; empty = the area of <b>STUDY_AREA</b> when given, else of the extent of the patches "
        "(of the raster for HABITAT).</li>"
        "<li><b>DISTANCE_SWEEP</b>: distances at which IIC, PC, EC(PC) and the number of components are recomputed "
        "(the same probability at each distance), written to <b>OUTPUT_CURVE</b>.</li>"
        "<li><b>OUTPUT</b>: the patches with their attributes plus patch_id, area_ha, dIIC, dPC, dPC_intra, dPC_flux, "
        "dPC_connector (per cent), rank (1 = highest dPC) and component (1 = the component with the largest total attribute). "
        "<b>OUTPUT_LINKS</b>: lines between the nearest points of the pairs within THRESHOLD, with distance and probability. "
        "<b>OUTPUT_HTML</b>: report with the ranking and the curve. Numbers IIC, PC, EC_PC (ha) and COMPONENTS.</li></ul>"
        "<h3>Formulas</h3><p>IIC = Σᵢ Σⱼ aᵢaⱼ/(1 + nlᵢⱼ) / A_L², nlᵢⱼ the number of links of the shortest path in the binary "
        "graph (pairs in different components add 0). PC = Σᵢ Σⱼ aᵢaⱼ p*ᵢⱼ / A_L², p*ᵢⱼ the largest product of link "
        "probabilities over all paths (p*ᵢᵢ = 1). EC(PC) = √(Σᵢ Σⱼ aᵢaⱼ p*ᵢⱼ). dX = 100·(X − X_remove)/X, the loss when the "
        "patch is removed; dPC = dPC_intra (aₖ², the patch itself) + dPC_flux (paths starting or ending at k) + dPC_connector "
        "(paths between other patches through k). Removals are exact: the shortest paths are recomputed without the patch, only for the "
        "patches that lie on a shortest path between others. Pairs whose direct probability would be below 10⁻⁹ are not measured.</p>"
        "<h3>References</h3><p>Pascual-Hortal L, Saura S (2006) Landscape Ecology 21: 959–967. Saura S, Pascual-Hortal L "
        "(2007) Landscape and Urban Planning 83: 91–103. Saura S, Rubio L (2010) Ecography 33: 523–537. Saura S, Torné J (2009) "
        "Conefor Sensinode 2.2, Environmental Modelling &amp; Software 24: 135–139. Saura S et al. (2011) Ecological Indicators 11: "
        "407–416 (EC).</p>"
    ),
    QT_TRANSLATE_NOOP(
        "PatchConnectivity",
        "<h3>EC(PC) per planning unit</h3><p><b>UNITS</b> (optional polygons, e.g. townships, in any CRS): each unit u holds the "
        "part of each patch inside it, aᵢᵤ = aᵢ·area(patch ∩ unit)/area(patch), and gets its equivalent connected habitat "
        "ECᵤ = √(Σᵢ Σⱼ aᵢᵤaⱼᵤ p*ᵢⱼ), p* of the whole network (a path may run through patches outside the unit). "
        "√(Σᵢ aᵢᵤ²) ≤ ECᵤ ≤ Σᵢ aᵢᵤ: isolated patches … habitat connected as one patch. <b>OUTPUT_UNITS</b>: the units with "
        "their attributes plus habitat_ha (Σᵢ aᵢᵤ), ec_pc_ha (ECᵤ, in the unit of the attribute: ha for areas), ec_pc_pct "
        "(ECᵤ as a percentage of the unit's area: comparable between units of different size, an ecological (E) indicator "
        "for tsr:setsindex) and ec_share (ECᵤ / habitat); NULL for a unit without area or habitat.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "PatchConnectivity",
        "Exactly one of PATCHES and HABITAT is required. Geographic and Web Mercator CRSs, an empty layer, a layer whose "
        "features all lack a geometry, an all-nodata or habitat-free raster, PROBABILITY of 0 or 1 or outside, THRESHOLD 0, "
        "attribute values that are NULL, 0 or negative, least cost without RESISTANCE or with a RESISTANCE in another CRS, "
        "and patches outside the resistance raster are refused. Features without geometry and patches below MIN_AREA are "
        "left out and counted in the log; patches adding up to more than A_L are reported. One patch alone is measured "
        "(dPC = 100 %)."
    ),
    QT_TRANSLATE_NOOP(
        "PatchConnectivity",
        "UNITS without any polygon are refused; a unit without geometry is kept in OUTPUT_UNITS with 0 habitat and NULL shares."
    ),
)
# fmt: on
