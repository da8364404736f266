"""The resilience dossier as one self-contained HTML page (OUTPUT_HTML of tsr:resiliencedossier):
the same findings, proposals, maps (PNG inlined), tables and provenance as the PDF."""

from __future__ import annotations

import base64
import datetime
from typing import Sequence

from ....algorithms.dossier.dossier import Dossier
from ....algorithms.dossier.model import DEPARTMENTS, Section
from ....algorithms.dossier.text import Text
from ..report import STYLE, esc

EXTRA_STYLE = """
.finding{margin:6px 0}.action{margin:6px 0;padding:4px 8px;border-left:3px solid #b2182b;background:#fbf4f4}
.dept{font-weight:bold;color:#8a1c1c}.link{color:#555;font-size:12px}.sha{font-family:monospace;font-size:11px;word-break:break-all}
figure{margin:10px 0}figure img{max-width:100%;border:1px solid #ccc}figcaption{font-size:13px;color:#444}
.skipped{color:#777;font-style:italic}.en{color:#555}
"""

LABELS = {
    "contents": Text("Contents", "目录"),
    "findings": Text("Findings", "主要发现"),
    "actions": Text("Proposed actions (for the planner to review, not decisions)", "行动建议（供规划人员审阅，非决定）"),
    "map": Text("Map", "图"),
    "table": Text("Table", "表"),
    "provenance": Text("Provenance", "数据来源与可追溯性"),
    "inputs": Text("Inputs", "输入数据"),
    "runs": Text("Runs", "运行记录"),
    "versions": Text("Software versions", "软件版本"),
    "unchanged": Text("unchanged", "未变化"),
    "changed": Text("changed since the run", "运行后已变化"),
    "department": Text("Department", "部门"),
    "rule": Text("Rule", "依据"),
    "parameters": Text("Parameters", "参数"),
    "outputs": Text("Outputs", "输出"),
}


def both(text: Text, languages: Sequence[str], tag: str = "span") -> str:
    parts = []
    for k, language in enumerate(languages):
        css = ' class="en"' if k and language == "en" else ""
        parts.append(f"<{tag}{css}>{esc(text(language))}</{tag}>")
    return (" " if tag == "span" else "").join(parts)


def title_of(text: Text, languages: Sequence[str]) -> str:
    return " / ".join(text(language) for language in languages)


def links(finding, map_numbers: dict[str, int], table_numbers: dict[str, int], languages: Sequence[str]) -> str:
    parts = []
    if finding.map in map_numbers:
        parts.append(f'<a href="#{esc(finding.map)}">{esc(title_of(LABELS["map"], languages))} {map_numbers[finding.map]}</a>')
    if finding.table in table_numbers:
        parts.append(f'<a href="#{esc(finding.table)}">{esc(title_of(LABELS["table"], languages))} {table_numbers[finding.table]}</a>')
    return f' <span class="link">[{"; ".join(parts)}]</span>' if parts else ""


def section_html(section: Section, languages, images: dict[str, bytes], map_numbers, table_numbers) -> str:
    if section.skipped:
        return f'<p class="skipped">{both(section.note, languages)}</p>' if section.note else ""
    out = [f"<h3>{esc(title_of(LABELS['findings'], languages))}</h3>"]
    for f in section.findings:
        texts = " ".join(f"<span{' class=en' if k and lang == 'en' else ''}>{esc(f.text(lang))}</span>" for k, lang in enumerate(languages))
        out.append(f'<p class="finding" id="{esc(f.key)}">{texts}{links(f, map_numbers, table_numbers, languages)}</p>')
    if section.actions:
        out.append(f"<h3>{esc(title_of(LABELS['actions'], languages))}</h3>")
        for a in section.actions:
            out.append(
                f'<p class="action"><span class="dept">{esc(title_of(DEPARTMENTS[a.department], languages))}</span>: {both(a.text, languages)} '
                f'<span class="link">({esc(title_of(LABELS["rule"], languages))}: {esc(title_of(a.rule, languages))})</span></p>'
            )
    for m in section.maps:
        if m.key in images:
            data = base64.b64encode(images[m.key]).decode("ascii")
            caption = f"{title_of(LABELS['map'], languages)} {map_numbers.get(m.key, '')} · {title_of(m.title, languages)}"
            out.append(
                f'<figure id="{esc(m.key)}"><img alt="{esc(caption)}" src="data:image/png;base64,{data}"/>'
                f'<figcaption>{esc(caption)}<br><span class="note">{both(m.note, languages)}</span></figcaption></figure>'
            )
    for t in section.tables:
        language = languages[0]
        head = "".join(f"<th>{esc(title_of(h, languages))}</th>" for h in t.headers)
        body = "".join(
            "<tr>" + "".join(f'<td class="{"l" if c == 0 else ""}">{esc(t.cell(r, c, language))}</td>' for c in range(len(t.headers))) + "</tr>"
            for r in range(len(t.rows))
        )
        out.append(
            f'<p id="{esc(t.key)}"><b>{esc(title_of(LABELS["table"], languages))} {table_numbers.get(t.key, "")} · {esc(title_of(t.title, languages))}</b></p>'  # noqa: E501 (Chinese text)
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
    return "".join(out)


def provenance_html(dossier: Dossier, languages) -> str:
    out = [
        f"<h3>{esc(title_of(LABELS['inputs'], languages))}</h3><table><thead><tr><th class='l'>File</th><th>Bytes</th><th class='l'>SHA-256</th><th></th></tr></thead><tbody>"  # noqa: E501 (Chinese text)
    ]
    for i in dossier.inputs:
        state = title_of(LABELS["unchanged"] if i.unchanged else LABELS["changed"], languages)
        out.append(
            f"<tr><td class='l'>{esc(i.path)}</td><td>{i.bytes:,}</td><td class='l sha'>{esc(i.sha256)}</td><td class='l'>{esc(state)}</td></tr>"
        )
    out.append("</tbody></table>")
    out.append(f"<h3>{esc(title_of(LABELS['runs'], languages))}</h3>")
    for n, run in enumerate(dossier.runs, start=1):
        parameters = "; ".join(f"{k} = {v}" for k, v in run.parameters.items())
        files = "<br>".join(f"{esc(f['output'])}: {esc(f['path'])} <span class='sha'>{esc(f['sha256'])}</span>" for f in run.files)
        out.append(
            f"<p><b>{n}. {esc(run.algorithm)}</b> — {esc(run.started)}, {run.seconds:g} s<br>"
            f"<span class='note'>{esc(title_of(LABELS['parameters'], languages))}: {esc(parameters)}</span><br>"
            f"<span class='note'>{esc(title_of(LABELS['outputs'], languages))}:<br>{files}</span></p>"
        )
    versions = ", ".join(f"{k} {v}" for k, v in dossier.versions.items())
    out.append(f"<h3>{esc(title_of(LABELS['versions'], languages))}</h3><p>{esc(versions)}</p>")
    return "".join(out)


def build(dossier: Dossier, languages: Sequence[str], images: dict[str, bytes], map_numbers: dict[str, int], table_numbers: dict[str, int]) -> str:
    """The HTML page of `dossier` in `languages` ("zh", "en" or both, in that order)."""
    lang = "zh-CN" if languages[0] == "zh" else "en"
    contents = "".join(
        f'<li><a href="#{s.key}">{esc(title_of(s.title, languages))}</a>{" — " + both(s.note, languages) if s.skipped and s.note else ""}</li>'
        for s in dossier.sections
    )
    body = [f"<h2>{esc(title_of(LABELS['contents'], languages))}</h2><ol>{contents}</ol>"]
    for s in dossier.sections:
        body.append(f'<h2 id="{s.key}">{esc(title_of(s.title, languages))}</h2>')
        body.append(section_html(s, languages, images, map_numbers, table_numbers))
    body.append(f"<h2>{esc(title_of(LABELS['provenance'], languages))}</h2>{provenance_html(dossier, languages)}")
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(dossier.title)}</title>'
        f"<style>{STYLE}{EXTRA_STYLE}</style></head><body><h1>{esc(dossier.title)}</h1>"
        f'<p class="note">{esc(dossier.folder)} · {esc(stamp)}</p>{"".join(body)}</body></html>'
    )
