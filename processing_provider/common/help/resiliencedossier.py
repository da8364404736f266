"""Help of tsr:resiliencedossier: HELP (purpose, parameters, what the findings and actions are,
references) and CHECKS, parts of (context, text)."""

from . import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP(…) whose arguments end with a comma, which the formatter
# adds to calls it splits over several lines: hence no formatting of the texts.
# fmt: off
HELP = (
    QT_TRANSLATE_NOOP(
        "ResilienceDossier",
        "<p>Turns a results folder into a thematic study (专题研究) with a map atlas (图集): data → information → knowledge → "
        "action. Every run of this toolkit appends a run record to <i>tsr_runs.jsonl</i> in its output folder (algorithm, "
        "parameters, inputs with size and SHA-256, outputs, numbers, versions, time); the dossier reads these records.</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>RESULTS</b>: the folder written by the main job or the guide (it holds tsr_runs.jsonl).</li>"
        "<li><b>PROJECT</b>: optional .qgz; a layer of the project showing the same file lends its style to the maps. "
        "Without it the maps use the algorithms' own styles.</li>"
        "<li><b>TITLE</b>: the dossier's title (default: a title in the chosen language).</li>"
        "<li><b>LANGUAGE</b>: 中文, English, or both (Chinese first).</li>"
        "<li><b>PAPER</b>: A3 landscape (map left, text right) or A4 portrait (map above the text).</li>"
        "<li><b>SECTIONS</b>: study area; multi-hazard risk; risk control lines; suitability under uncertainty; land-use "
        "scenarios; ecological security pattern; emergency network; stress test; SETS index. A section whose algorithms have "
        "no run in the folder is skipped with a note, not an error.</li>"
        "<li><b>OUTPUT_PDF</b>: the atlas and text; <b>OUTPUT_HTML</b>: the same dossier as one self-contained page; "
        "<b>OUTPUT_JSON</b>: the findings (with each number, its source and its run), the proposals and the provenance as data.</li></ul>"
        "<p><b>Findings</b> are sentences whose numbers are taken from the outputs: numbers the runs returned, rows of their "
        "tables, attributes and geometries of their layers (e.g. the share of residents within 500 m of a shelter, the "
        "length of the risk control lines); each names its map and table. <b>Actions</b> are proposals derived by rules from "
        "the findings and the planning standards (GB 50413-2007 shelter radius and area per person, risk control lines in "
        "the master plan, wildlife passages where corridors cross roads, the most critical network elements), each naming "
        "the department that usually acts (自然资源, 应急管理, 住建, 交通, 生态环境); they are for the planner to review, not "
        "decisions. <b>Maps</b> are QGIS print layouts with title, legend, scale bar, north arrow, a CGCS2000 (EPSG:4490) "
        "degree grid and a source note. The last pages list every input with its checksum (and whether it changed since the "
        "run), every run with its parameters, and the software versions.</p>"
        "<p>Outputs FINDINGS, ACTIONS and PAGES count the findings, proposals and PDF pages.</p>"
        "<h3>References</h3><p>GB 50413-2007 Standard for urban planning on earthquake resistance and hazardous prevention, "
        "§8.2. GB/T 51327-2018 Standard for urban comprehensive disaster prevention planning. UNDRR (2015) Sendai Framework for "
        "Disaster Risk Reduction 2015–2030. Ministry of Natural Resources (2020) Guidelines for provincial territorial spatial "
        "planning.</p>"
    ),
)

CHECKS = (
    QT_TRANSLATE_NOOP(
        "ResilienceDossier",
        "A folder without run records, an unknown section or a missing project are refused with a message. Record lines that "
        "cannot be read are ignored; runs whose output files were replaced or removed are not used; an input whose checksum "
        "changed since its run is marked in the provenance."
    ),
)
# fmt: on
