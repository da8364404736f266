"""tsr:resiliencedossier — the thematic study (专题研究) and map atlas of a results folder: findings
with the numbers of the runs, proposed actions per department, maps made with print layouts, and
the provenance of every number; as PDF, one self-contained HTML page and JSON."""

from __future__ import annotations

import datetime
import json
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..algorithms.dossier.dossier import Dossier, build
from ..algorithms.dossier.model import DEPARTMENTS, SECTIONS
from ..algorithms.dossier.records import RECORD_FILE, load
from ..algorithms.dossier.text import Text
from .common import report as report_file
from .common.atlas import ACCENT, GREY, MARGIN, Atlas, Flow
from .common.base import TsrAlgorithm
from .common.reports import resiliencedossier as report
from .common.run_record import plugin_version

LANGUAGES = (("zh",), ("en",), ("zh", "en"))
DEFAULT_TITLE = Text("Territorial space resilience: thematic study and map atlas", "国土空间韧性专题研究与图集")
PROPOSALS_NOTE = Text(
    "Actions are proposals derived by rules from the findings and the planning standards, for the planner to review; they are not decisions.",
    "行动建议由规则根据主要发现与规划标准推导，供规划人员审阅，并非决定。",
)


class ResilienceDossier(TsrAlgorithm):
    ALG_ID = "resiliencedossier"
    GROUP_ID = "sets"

    RESULTS = "RESULTS"
    PROJECT = "PROJECT"
    TITLE = "TITLE"
    LANGUAGE = "LANGUAGE"
    PAPER = "PAPER"
    SECTIONS = "SECTIONS"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_JSON = "OUTPUT_JSON"
    FINDINGS = "FINDINGS"
    ACTIONS = "ACTIONS"
    PAGES = "PAGES"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Resilience dossier and map atlas")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "A thematic study of a results folder: findings with the runs' numbers, proposed actions, map atlas and provenance (PDF, HTML, JSON)"
        )

    def tags(self) -> list[str]:
        return self.tr("dossier,atlas,report,pdf,print layout,provenance,findings,actions,专题研究,图集,报告").split(",")

    def section_options(self) -> list[str]:
        return [
            self.tr("Study area"),
            self.tr("Multi-hazard risk"),
            self.tr("Risk control lines"),
            self.tr("Suitability under uncertainty"),
            self.tr("Land-use scenarios"),
            self.tr("Ecological security pattern"),
            self.tr("Emergency network"),
            self.tr("Stress test"),
            self.tr("SETS index"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.addParameter(
            QgsProcessingParameterFile(self.RESULTS, self.tr("Results folder (with tsr_runs.jsonl)"), QgsProcessingParameterFile.Behavior.Folder)
        )
        self.addParameter(
            QgsProcessingParameterFile(self.PROJECT, self.tr("QGIS project whose styles to use (optional)"), extension="qgz", optional=True)
        )
        self.addParameter(QgsProcessingParameterString(self.TITLE, self.tr("Title"), optional=True))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE, self.tr("Language"), options=["中文", "English", self.tr("Both (中文 + English)")], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.PAPER, self.tr("Paper"), options=[self.tr("A3 landscape"), self.tr("A4 portrait")], defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SECTIONS,
                self.tr("Sections (those with results)"),
                options=self.section_options(),
                allowMultiple=True,
                defaultValue=list(range(len(SECTIONS))),
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT_PDF, self.tr("Dossier (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Dossier (HTML)"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_JSON, self.tr("Findings and provenance (JSON)"), self.tr("JSON files (*.json)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.FINDINGS, self.tr("Number of findings")))
        self.addOutput(QgsProcessingOutputNumber(self.ACTIONS, self.tr("Number of proposed actions")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Number of PDF pages")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        folder = self.parameterAsFile(parameters, self.RESULTS, context)
        project = self.parameterAsFile(parameters, self.PROJECT, context) or None
        languages = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        paper = self.parameterAsEnum(parameters, self.PAPER, context)
        chosen = self.parameterAsEnums(parameters, self.SECTIONS, context)
        chosen = chosen if chosen else list(range(len(SECTIONS)))
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        data = self.parameterAsFileOutput(parameters, self.OUTPUT_JSON, context)
        if project and not os.path.isfile(project):
            raise QgsProcessingException(self.tr("The project {path} does not exist").format(path=project))
        title_text = self.parameterAsString(parameters, self.TITLE, context).strip()
        title = title_text or " / ".join(DEFAULT_TITLE(language) for language in languages)
        with self.core_errors():
            dossier = build(
                folder, [SECTIONS[k] for k in chosen], title, cancelled=feedback.isCanceled, progress=self.progress_range(feedback, 0, 30)
            )
        dossier.runs = [run for run in dossier.runs if run.name != self.ALG_ID]
        for section in dossier.sections:
            if section.skipped:
                feedback.pushInfo(section.note(languages[-1]) if section.note else section.title(languages[-1]))
        atlas = Atlas(paper, languages, project)
        try:
            return self.write_outputs(atlas, dossier, feedback, pdf, html, data, languages, paper)
        finally:
            atlas.close()

    def read_files(self, parameters, context) -> list[tuple[str, str]]:
        """The run records of RESULTS and every file their runs read or wrote: the output guard
        keeps the dossier from overwriting the evidence it reports on, and its own run record
        lists them with their checksums."""
        folder = self.parameterAsFile(parameters, self.RESULTS, context)
        if not folder or not os.path.isdir(folder):
            return []
        files = [os.path.join(folder, RECORD_FILE)]
        for run in load(folder).runs:
            files += [entry["path"] for entry in run.inputs + run.files if isinstance(entry.get("path"), str)]
        return [(self.RESULTS, path) for path in dict.fromkeys(files) if os.path.isfile(path)]

    def write_outputs(self, atlas, dossier, feedback, pdf, html, data, languages, paper) -> dict:
        map_numbers, table_numbers = self.numbers(dossier)
        self.cover(atlas, dossier, map_numbers, table_numbers)
        feedback.setProgress(35)
        done = [s for s in dossier.sections if not s.skipped]
        for k, section in enumerate(done):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no output was written"))
            self.section_pages(atlas, section, map_numbers, table_numbers)
            feedback.setProgress(35 + 40 * (k + 1) / max(len(done), 1))
        self.provenance(atlas, dossier)
        error = atlas.export_pdf(pdf)
        if error is not None:
            raise QgsProcessingException(self.tr("The PDF could not be written: {error}").format(error=error))
        feedback.setProgress(90)
        results = {
            self.OUTPUT_PDF: pdf,
            self.FINDINGS: sum(len(s.findings) for s in dossier.sections),
            self.ACTIONS: sum(len(s.actions) for s in dossier.sections),
            self.PAGES: int(atlas.pages),
        }
        if html:
            images = {key: png for key in map_numbers if (png := atlas.map_png(key)) is not None}
            report_file.write(html, report.build(dossier, languages, images, map_numbers, table_numbers))
            results[self.OUTPUT_HTML] = html
        if data:
            content = dossier.as_dict()
            content.update(
                {"languages": list(languages), "paper": ["A3 landscape", "A4 portrait"][paper], "maps": map_numbers, "tables": table_numbers}
            )
            content["plugin_version"] = plugin_version()
            report_file.write(data, json.dumps(content, ensure_ascii=False, indent=1, allow_nan=False, default=str))
            results[self.OUTPUT_JSON] = data
        return results

    # --- pages ----------------------------------------------------------------------------

    @staticmethod
    def numbers(dossier: Dossier) -> tuple[dict[str, int], dict[str, int]]:
        maps, tables = {}, {}
        for section in dossier.sections:
            if section.skipped:
                continue
            for m in section.maps:
                maps[m.key] = len(maps) + 1
            for t in section.tables:
                tables[t.key] = len(tables) + 1
        return maps, tables

    @staticmethod
    def write(flow: Flow, text: Text, languages, size=9.0, bold=False, indent=0.0, prefix="", suffix="") -> None:
        for k, language in enumerate(languages):
            flow.paragraph(prefix + text(language) + suffix, size - (0.5 if k else 0), bold, GREY if k else "#222222", indent)

    def cover(self, atlas: Atlas, dossier: Dossier, map_numbers, table_numbers) -> None:
        page = atlas.new_page()
        atlas.label(page, MARGIN, 40, atlas.width - 2 * MARGIN, 30, dossier.title, 24, True, ACCENT)
        atlas.rule(page, 72)
        stamp = datetime.date.today().isoformat()
        atlas.label(
            page,
            MARGIN,
            76,
            atlas.width - 2 * MARGIN,
            12,
            f"{dossier.folder}\n{stamp} · Territorial Space Resilience {plugin_version()}",
            8,
            colour=GREY,
        )
        flow = Flow(atlas, atlas.text_region(page, 92), "")
        flow.paragraph(atlas.t(Text("Contents", "目录")), 12, True, ACCENT)
        for n, section in enumerate(dossier.sections, start=1):
            line = f"{n}  {atlas.t(section.title)}"
            if section.skipped and section.note:
                line += " — " + atlas.t(section.note, " ")
            flow.paragraph(line, 9, False, GREY if section.skipped else "#222222", 4)
        flow.space(3)
        flow.paragraph(atlas.t(Text("Key findings", "主要发现")), 12, True, ACCENT)
        for section in dossier.sections:
            if section.findings:
                self.write(flow, Text(section.findings[0].text("en"), section.findings[0].text("zh")), atlas.languages, 9, indent=4, prefix="• ")
        flow.space(3)
        self.write(flow, PROPOSALS_NOTE, atlas.languages, 8)

    def finding_lines(self, flow: Flow, atlas: Atlas, section, map_numbers, table_numbers, only_map: str | None = None) -> None:
        for f in section.findings:
            if only_map is not None and f.map != only_map:
                continue
            refs = []
            if f.map in map_numbers:
                refs.append(atlas.t(Text(f"Map {map_numbers[f.map]}", f"图 {map_numbers[f.map]}")))
            if f.table in table_numbers:
                refs.append(atlas.t(Text(f"Table {table_numbers[f.table]}", f"表 {table_numbers[f.table]}")))
            suffix = f"  [{'; '.join(refs)}]" if refs else ""
            self.write(flow, Text(f.text("en"), f.text("zh")), atlas.languages, 9, indent=3, prefix="• ", suffix=suffix)

    def section_pages(self, atlas: Atlas, section, map_numbers, table_numbers) -> None:
        heading = atlas.t(section.title)
        if section.maps:
            first = section.maps[0]
            _, region = atlas.map_page(first, map_numbers[first.key], heading)
        else:
            page = atlas.new_page()
            region = atlas.text_region(page, atlas.page_title(page, heading))
        flow = Flow(atlas, region, heading)
        flow.paragraph(atlas.t(Text("Findings", "主要发现")), 11, True, ACCENT, keep=14)
        self.finding_lines(flow, atlas, section, map_numbers, table_numbers)
        if section.actions:
            flow.space(2)
            flow.paragraph(atlas.t(Text("Proposed actions", "行动建议")), 11, True, ACCENT, keep=16)
            for a in section.actions:
                flow.paragraph("▸ " + atlas.t(DEPARTMENTS[a.department]), 8.5, True, "#4a1c1c", 3, keep=10)
                self.write(flow, a.text, atlas.languages, 8.5, indent=6)
                flow.paragraph(atlas.t(Text("Rule: ", "依据：")) + atlas.t(a.rule), 7, False, GREY, 6)
            self.write(flow, PROPOSALS_NOTE, atlas.languages, 7)
        if section.tables:
            flow.space(3)
            for t in section.tables:
                flow.paragraph(
                    atlas.t(Text(f"Table {table_numbers[t.key]} · ", f"表 {table_numbers[t.key]} · ")) + atlas.t(t.title), 9.5, True, keep=12
                )
                language = atlas.languages[0]
                rows = [[t.cell(r, c, language) for c in range(len(t.headers))] for r in range(len(t.rows))]
                flow.table([atlas.t(h, "/") if len(atlas.languages) > 1 else h(language) for h in t.headers], rows)
        for m in section.maps[1:]:
            _, region = atlas.map_page(m, map_numbers[m.key], heading)
            flow = Flow(atlas, region, heading)
            self.finding_lines(flow, atlas, section, map_numbers, table_numbers, only_map=m.key)

    def provenance(self, atlas: Atlas, dossier: Dossier) -> None:
        heading = atlas.t(Text("Provenance", "数据来源与可追溯性"))
        page = atlas.new_page()
        flow = Flow(atlas, atlas.text_region(page, atlas.page_title(page, heading)), heading)
        self.write(
            flow,
            Text(
                "Every input with the SHA-256 checksum recorded when it was read, every run with its parameters, and the software versions: "
                "enough to reproduce each number of this dossier.",
                "下列为每个输入文件（读取时记录的 SHA-256 校验值）、每次运行的参数与软件版本，可据此复现本报告中的每个数字。",
            ),
            atlas.languages,
            8.5,
        )
        versions = ", ".join(f"{k} {v}" for k, v in dossier.versions.items())
        flow.paragraph(atlas.t(Text("Software versions: ", "软件版本：")) + versions, 8.5, True)
        flow.paragraph(atlas.t(Text("Inputs", "输入数据")), 11, True, ACCENT)
        for n, item in enumerate(dossier.inputs, start=1):
            state = Text("unchanged", "未变化") if item.unchanged else Text("CHANGED since the run", "运行后已变化")
            flow.paragraph(f"{n}. {item.path} ({item.bytes:,} bytes) — {atlas.t(state)}", 8, True, keep=8)
            flow.paragraph(f"SHA-256 {item.sha256}", 7.5, False, "#222222", 5, mono=True)
            flow.paragraph(", ".join(item.parameters), 7, False, GREY, 5)
        flow.paragraph(atlas.t(Text("Runs", "运行记录")), 11, True, ACCENT)
        for n, run in enumerate(dossier.runs, start=1):
            flow.paragraph(f"{n}. {run.algorithm} — {run.started}, {run.seconds:g} s", 8.5, True, keep=10)
            parameters = "; ".join(f"{k} = {v}" for k, v in run.parameters.items())
            flow.paragraph(parameters, 7, False, "#333333", 5)
            if run.numbers:
                flow.paragraph("; ".join(f"{k} = {v}" for k, v in run.numbers.items()), 7, False, "#333333", 5)
            for f in run.files:
                flow.paragraph(f"{f['output']}: {os.path.basename(f['path'])} · SHA-256 {f['sha256']}", 6.5, False, GREY, 5, mono=True)
