"""Help of tsr:networkrobustness: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "NetworkRobustness",
        "<p>How much damage a line network — roads, power lines, water pipes, or the patch graph of tsr:patchconnectivity — "
        "can take before it falls apart, and where its threshold lies (鲁棒性分析).</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>INPUT</b>: lines. Each line (each part of a multi-line) is one link between its first and last point; "
        "end points within <b>TOLERANCE</b> (advanced, layer units) are one node. Lines that cross without ending at a "
        "common point do not meet: split roads at their junctions. A layer with the fields from_id and to_id — the links of "
        "tsr:patchconnectivity, drawn between the patches' edges — is read as the graph of those ids instead.</li>"
        "<li><b>REMOVAL</b>: <i>random</i>, averaged over <b>REPETITIONS</b> runs drawn from <b>SEED</b>; <i>targeted by "
        "degree</i> (the initial number of links of a node; d(u)·d(v) for a link); <i>targeted by betweenness</i>, the "
        "shortest-path betweenness (Brandes 2001, unweighted) recomputed on the damaged network before each step; "
        "<i>by criticality</i>: the rank of tsr:networkcriticality (population losing access within THRESHOLD when the "
        "unit alone fails), which needs DEMAND and FACILITIES. Ties go to the lower feature order.</li>"
        "<li><b>UNIT</b>: remove <i>nodes</i> (with their links) or <i>links</i>. <b>STEPS</b>: the units are removed in "
        "this many equal steps until none is left; the measures are taken after each step (STEPS = number of units: "
        "after each single removal).</li>"
        "<li><b>DEMAND</b>, <b>POPULATION_FIELD</b>, <b>FACILITIES</b> (optional): the curve also gives the share of the "
        "population within <b>THRESHOLD</b> metres along the lines of a facility; points join the lines within "
        "<b>MAX_SNAP</b>.</li>"
        "<li>Measures after each step: the share of the N₀ original nodes in the largest connected component "
        "s = N_LCC / N₀ (Albert et al. 2000); the global efficiency E = Σ_{i≠j} 1/d_ij / (N₀(N₀ − 1)), d_ij the number "
        "of links on the shortest path, 1/∞ = 0 (Latora &amp; Marchiori 2001). Above 1000 nodes, efficiency and "
        "betweenness are estimated from 500 random sources (Brandes &amp; Pich 2007).</li>"
        "<li><b>OUTPUT_CURVE</b>: per step the units removed, their share, largest_share, efficiency and covered_share. "
        "<b>CRITICAL_FRACTION</b>: the removed share at which s first falls below ½, linear between steps — the "
        "network's threshold (1 when it never does). <b>ROBUSTNESS</b>: R = ∫₀¹ s(q) dq, the area under the curve "
        "(trapezoid), Schneider et al. (2011)'s R = 1/N Σ_{Q=1}^{N} s(Q) when STEPS = N. <b>OUTPUT_HTML</b>: the curves "
        "and the table.</li></ul>"
        "<p>Known results it reproduces: random removal of the links of a large square lattice breaks it up near half "
        "of the links (bond percolation threshold ½); a ring survives any single loss; attacks by degree or "
        "betweenness break a network far sooner than random failures.</p>"
        "<h3>References</h3><p>Albert R, Jeong H, Barabási A-L (2000) Error and attack tolerance of complex networks. "
        "Nature 406: 378–382. Latora V, Marchiori M (2001) Efficient behavior of small-world networks. Physical Review "
        "Letters 87: 198701. Schneider C M, Moreira A A, Andrade J S, Havlin S, Herrmann H J (2011) Mitigation of "
        "malicious attacks on networks. PNAS 108: 3838–3841. Holme P, Kim B J, Yoon C N, Han S K (2002) Attack "
        "vulnerability of complex networks. Physical Review E 65: 056109. Brandes U (2001) A faster algorithm for "
        "betweenness centrality. Journal of Mathematical Sociology 25: 163–177. Jenelius E, Petersen T, Mattsson L-G "
        "(2006) Importance and exposure in road network vulnerability analysis. Transportation Research Part A 40: "
        "537–560.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "NetworkRobustness",
        "Lines without geometry are left out (reported); a layer whose lines all begin and end at one point has no link "
        "and is refused. DEMAND, POPULATION_FIELD and FACILITIES go together; removal by criticality needs them, and "
        "then the demand layer must be in a projected CRS in metres (so must the line layer when TOLERANCE is used); no "
        "facility within MAX_SNAP is refused."
    ),
)
# fmt: on
