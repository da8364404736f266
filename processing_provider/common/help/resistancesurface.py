"""Help of tsr:resistancesurface: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "ResistanceSurface",
        "<p>Builds the resistance surface (阻力面) of an ecological security pattern: how hard it is for species and ecological "
        "flows to cross each cell, from 1 (easiest) upwards. It feeds cost distance, least-cost corridors and least-cost patch "
        "connectivity.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>LANDCOVER</b>: land-cover raster of class codes; its grid is the grid of the result.</li>"
        "<li><b>TABLE</b>: one row per class: class value, resistance (≥ 1). Empty = the preset for the first-level classes of the "
        "third national land survey (三调, GB/T 21010-2017): 01 耕地 cultivated land 30, 02 园地 garden land 10, 03 林地 forest 1, "
        "04 草地 grassland 5, 05 商服用地 commercial 800, 06 工矿仓储用地 industrial and mining 1000, 07 住宅用地 residential 800, "
        "08 公共管理与公共服务用地 public services 600, 09 特殊用地 special 500, 10 交通运输用地 transport 500, "
        "11 水域及水利设施用地 water 10, 12 其他土地 other land 100. These are values of the order used in the Chinese "
        "ecological-security-pattern literature (forest lowest, water and grassland low, farmland medium, built-up land highest "
        "on a 1–1000 scale); they are suggestions: edit every value for the species and the study area. A raster coded with "
        "second-level codes (e.g. 0301, 1101) needs rows for those codes.</li>"
        "<li><b>BARRIER_CLASSES</b>: classes that are impassable (e.g. motorways, large built-up areas): nodata in the result.</li>"
        "<li><b>MODIFIERS</b>: 0–1 rasters that raise the resistance (a normalised slope, night-time light, proximity to roads, a "
        "hazard degree from Normalise hazard); rasters on another grid are warped (bilinear) onto the land-cover grid. "
        "<b>MODIFIER_WEIGHTS</b>: one weight wₖ per modifier.</li>"
        "<li><b>METHOD</b>: <i>multiplicative</i> R = R₀ · Πₖ(1 + wₖ·mₖ) (default wₖ = 1: a modifier at 1 doubles the resistance); "
        "<i>weighted sum</i>: s = w₀·b + Σₖ wₖ·mₖ with b = (R₀ − R_min)/(R_max − R_min) the table resistance normalised over the "
        "classes present and w₀ = 1 − Σₖ wₖ (so the weights must add up to less than 1; without weights every term gets "
        "1/(K + 1)), then R = <b>MIN_RESISTANCE</b> + s · (<b>MAX_RESISTANCE</b> − <b>MIN_RESISTANCE</b>).</li>"
        "<li><b>OUTPUT</b>: Float32 resistance raster, every valid cell ≥ 1; nodata where the land cover or a modifier is "
        "nodata and on barriers.</li></ul>"
        "<h3>References</h3><p>Knaapen J P, Scheffer M, Harms B (1992) Estimating habitat isolation in landscape planning. "
        "Landscape and Urban Planning 23: 1–16. Yu K J (1999) 论综合性景观安全格局, Acta Ecologica Sinica 19(1): 8–15. "
        "Peng J et al. (2018) 生态安全格局构建 (sources, resistance, corridors), Acta Ecologica Sinica 38(7). "
        "GB/T 21010-2017 Current land use classification.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "ResistanceSurface",
        "A land-cover class that is neither in TABLE nor a barrier is refused, naming it, before anything is written. "
        "Resistances below 1, a class given twice, an odd number of table values, modifier values outside 0–1, a number of "
        "weights that does not match the modifiers, weighted-sum weights adding up to 1 or more and MIN_RESISTANCE ≥ "
        "MAX_RESISTANCE are refused; an all-nodata land cover and modifiers that do not overlap it are refused. The cells "
        "lost to barriers and modifier nodata are counted in the log."
    ),
)
# fmt: on
