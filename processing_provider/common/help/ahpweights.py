"""Help of tsr:ahpweights: HELP (purpose, parameters, formulas, units, references) and CHECKS (what it
refuses and what it reports instead of guessing), parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "AhpWeights",
        "<p>Derives criterion weights from pairwise comparisons (Analytic Hierarchy Process) and checks that the judgements "
        "are consistent — the first step of zoning under uncertainty, and the usual source of the weights of a multi-hazard "
        "overlay or a suitability analysis.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>MATRIX</b>: the judgements aᵢⱼ on Saaty's 1–9 scale (how much more important criterion i is than j: 1 equal, "
        "3 moderate, 5 strong, 7 very strong, 9 extreme; reciprocals such as 1/3 for the reverse). Either the full n×n matrix, "
        "one row per line (or n² values row by row), or only the n(n−1)/2 values above the diagonal, row by row "
        "(a₁₂, a₁₃, …, a₂₃, …), the rest being derived. A matrix that is not reciprocal, not square or has values ≤ 0 is refused.</li>"
        "<li><b>CRITERIA</b>: optional names, in the order of the rows; they also fix n.</li>"
        "<li><b>MAX_CR</b> (default 0.10): the largest acceptable consistency ratio.</li>"
        '<li><b>WEIGHTS</b>: the weights as "w1,w2,…", ready for the WEIGHTS of tsr:suitability or tsr:multihazardoverlay in a model; '
        "<b>CR</b>, <b>CI</b>, <b>LAMBDA_MAX</b>, <b>CONSISTENT</b>: numbers and verdict; <b>OUTPUT_TABLE</b>: criterion, weight, rank; "
        "<b>OUTPUT_HTML</b>: the matrix, the weights and the verdict.</li></ul>"
        "<h3>Formula</h3><p>w = principal right eigenvector of A, normalised to Σw = 1; CI = (λmax − n)/(n − 1); CR = CI/RI with "
        "Saaty's random index RI(3…10) = 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 (Alonso & Lamata's values for 11–15 "
        "criteria). When CR exceeds MAX_CR the report names the judgements that contribute most to the inconsistency "
        "(largest |ln aᵢⱼwⱼ/wᵢ|), the value consistent with the weights and the scale value that lowers CR most.</p>"
        "<h3>References</h3><p>Saaty T L (1977) A scaling method for priorities in hierarchical structures. J. Math. Psychol. 15: 234–281. "
        "Saaty T L (2003) Decision-making with the AHP: why is the principal eigenvector necessary. EJOR 145: 85–91. "
        "Alonso J A, Lamata M T (2006) Consistency in the analytic hierarchy process: a new approach. IJUFKS 14(4): 445–459.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "AhpWeights",
        "Several lines must form a matrix: n × n, or the upper triangle n−1 … 1 values. Judgements beyond 1/1000 … 1000, "
        "zero, negative or non-reciprocal entries and duplicate criterion names are refused."
    ),
)
# fmt: on
