"""Help of tsr:setsindex: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
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
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "SetsIndex",
        "Units without geometry are scored, ranked and written without a geometry; they are counted and named in the log "
        "and the report, as are the parents whose outline leaves them out."
    ),
)
# fmt: on
