"""Self-contained HTML reports: tables and inline SVG charts, no scripts, no network."""

from __future__ import annotations

import datetime
import html
import math
from typing import Sequence

from ...algorithms.common.messages import fmt
from ...i18n import tr, user_locale

STYLE = """
body{font-family:"Noto Sans","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px;border-bottom:3px solid #b2182b;padding-bottom:6px}h2{font-size:17px;margin-top:28px;color:#4a1c1c}
table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right;font-size:13px}
th{background:#f3eded}td.l,th.l{text-align:left}.formula{font-family:monospace;background:#f7f7f7;padding:6px 10px;display:inline-block}
.note{color:#555;font-size:12px}.warn{color:#8a1c1c}
"""


def esc(value: object) -> str:
    return html.escape(str(value))


def table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], left_columns: int = 1, colours: Sequence[Sequence[str | None]] | None = None
) -> str:
    """An HTML table; the first `left_columns` columns are left-aligned text."""
    head = "".join(f'<th class="{"l" if i < left_columns else ""}">{esc(h)}</th>' for i, h in enumerate(headers))
    body = []
    for r, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            text = fmt(cell) if isinstance(cell, (int, float)) and not isinstance(cell, bool) else esc(cell)
            style = f' style="background:{colours[r][i]}"' if colours and colours[r][i] else ""
            cells.append(f'<td class="{"l" if i < left_columns else ""}"{style}>{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def bar_chart(labels: Sequence[str], values: Sequence[float], unit: str = "", colours: Sequence[str] | None = None, width: int = 560) -> str:
    """Horizontal bar chart as inline SVG."""
    top = max([v for v in values if math.isfinite(v)] + [1e-12])
    row, label_w = 24, 190
    height = row * len(values) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-size="12">']
    for i, (label, value) in enumerate(zip(labels, values)):
        y = 5 + i * row
        length = (width - label_w - 90) * (value / top if math.isfinite(value) else 0)
        colour = colours[i] if colours else "#b2182b"
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{esc(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{max(length, 0):.1f}" height="{row - 6}" fill="{colour}"/>')
        parts.append(f'<text x="{label_w + length + 5:.1f}" y="{y + 15}">{esc(fmt(value, 3))}{esc(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram_chart(
    edges: Sequence[float], counts: Sequence[float], breaks: Sequence[float] = (), colours: Sequence[str] = (), width: int = 640, height: int = 220
) -> str:
    """Histogram as inline SVG, with vertical lines at class breaks; bars coloured by class."""
    left, right, bottom, top_pad = 50, 30, 30, 10
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    lo, hi = edges[0], edges[-1]
    span = (hi - lo) or 1.0
    peak = max(max(counts), 1)
    x = lambda v: left + plot_w * (v - lo) / span  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-size="11">']
    for i, count in enumerate(counts):
        centre = (edges[i] + edges[i + 1]) / 2
        grade = sum(centre > b for b in breaks)
        colour = colours[grade] if grade < len(colours) else "#888"
        h = plot_h * count / peak
        parts.append(
            f'<rect x="{x(edges[i]):.1f}" y="{top_pad + plot_h - h:.1f}" width="{max(x(edges[i + 1]) - x(edges[i]) - 0.3, 0.3):.1f}" '
            f'height="{h:.1f}" fill="{colour}"/>'
        )
    for b in breaks:
        if lo <= b <= hi:
            parts.append(f'<line x1="{x(b):.1f}" x2="{x(b):.1f}" y1="{top_pad}" y2="{top_pad + plot_h}" stroke="#000" stroke-dasharray="4 2"/>')
            parts.append(f'<text x="{x(b):.1f}" y="{top_pad + 9}" text-anchor="middle">{esc(fmt(b, 3))}</text>')
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{top_pad + plot_h}" y2="{top_pad + plot_h}" stroke="#444"/>')
    for v in (lo, (lo + hi) / 2, hi):
        parts.append(f'<text x="{x(v):.1f}" y="{height - 12}" text-anchor="middle">{esc(fmt(v, 3))}</text>')
    parts.append(f'<text x="{left - 5}" y="{top_pad + 10}" text-anchor="end">{esc(fmt(float(peak), 3))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    xs: Sequence[float], ys: Sequence[float], x_label: str, y_label: str, marks: Sequence[float] = (), width: int = 640, height: int = 240
) -> str:
    """A line chart (steps joined by straight lines) as inline SVG, with dashed vertical lines
    at `marks` (e.g. the thresholds) and the y axis from 0."""
    left, right, bottom, top_pad = 60, 20, 42, 12
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    lo, hi = (min(xs), max(xs)) if xs else (0.0, 1.0)
    span = (hi - lo) or 1.0
    peak = max([y for y in ys if math.isfinite(y)] + [1e-12])
    x = lambda v: left + plot_w * (v - lo) / span  # noqa: E731
    y = lambda v: top_pad + plot_h * (1 - v / peak)  # noqa: E731
    points = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in zip(xs, ys))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-size="11">']
    parts.append(f'<polyline points="{points}" fill="none" stroke="#2166ac" stroke-width="2"/>')
    for a, b in zip(xs, ys):
        if len(xs) <= 40:
            parts.append(f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="3" fill="#2166ac"/>')
    for m in marks:
        if lo <= m <= hi:
            parts.append(f'<line x1="{x(m):.1f}" x2="{x(m):.1f}" y1="{top_pad}" y2="{top_pad + plot_h}" stroke="#000" stroke-dasharray="4 2"/>')
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{top_pad + plot_h}" y2="{top_pad + plot_h}" stroke="#444"/>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top_pad}" y2="{top_pad + plot_h}" stroke="#444"/>')
    for v in (lo, (lo + hi) / 2, hi):
        parts.append(f'<text x="{x(v):.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle">{esc(fmt(v, 3))}</text>')
    for v in (0.0, peak / 2, peak):
        parts.append(f'<text x="{left - 5}" y="{y(v) + 4:.1f}" text-anchor="end">{esc(fmt(v, 3))}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">{esc(x_label)}</text>')
    parts.append(
        f'<text x="12" y="{top_pad + plot_h / 2:.1f}" transform="rotate(-90 12 {top_pad + plot_h / 2:.1f})" '
        f'text-anchor="middle">{esc(y_label)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def tornado_chart(
    labels: Sequence[str], low: Sequence[float], high: Sequence[float], low_label: str, high_label: str, unit: str = "", width: int = 640
) -> str:
    """Tornado chart as inline SVG: per row, the change of an output when the parameter goes
    down (`low`, blue) and up (`high`, red), left of the axis for a decrease and right for an
    increase; rows are drawn in the given order (sort them by swing before)."""
    reach = max([abs(v) for v in list(low) + list(high) if math.isfinite(v)] + [1e-12])
    row, label_w, pad = 26, 170, 70
    half = (width - label_w - 2 * pad) / 2
    axis = label_w + pad + half
    height = row * len(labels) + 34
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-size="12">']
    # A legend rather than side labels: a lower weight can move the output either way.
    parts.append(
        f'<rect x="{label_w}" y="3" width="10" height="10" fill="#2166ac" fill-opacity="0.8"/><text x="{label_w + 14}" y="12">{esc(low_label)}</text>'
    )
    parts.append(
        f'<rect x="{label_w + 130}" y="3" width="10" height="10" fill="#b2182b" fill-opacity="0.8"/><text x="{label_w + 144}" '
        f'y="12">{esc(high_label)}</text>'
    )
    for i, label in enumerate(labels):
        y = 20 + i * row
        parts.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end">{esc(label)}</text>')
        for value, colour in ((low[i], "#2166ac"), (high[i], "#b2182b")):
            if not math.isfinite(value):
                continue
            length = half * abs(value) / reach
            x = axis if value >= 0 else axis - length
            parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{max(length, 0.5):.1f}" height="{row - 8}" fill="{colour}" fill-opacity="0.8"/>')
            tx, anchor = (axis + length + 4, "start") if value >= 0 else (axis - length - 4, "end")
            parts.append(
                f'<text x="{tx:.1f}" y="{y + 16}" text-anchor="{anchor}">{esc(("+" if value > 0 else "") + fmt(value, 3))}{esc(unit)}</text>'
            )
    parts.append(f'<line x1="{axis:.1f}" x2="{axis:.1f}" y1="16" y2="{height - 6}" stroke="#333"/>')
    parts.append("</svg>")
    return "".join(parts)


def correlation_colour(r: float) -> str | None:
    """Red for positive, blue for negative correlation, by strength."""
    if not math.isfinite(r):
        return None
    a = min(abs(r), 1.0)
    base = (178, 24, 43) if r > 0 else (33, 102, 172)
    mix = [round(255 - (255 - c) * a * 0.6) for c in base]
    return "#%02x%02x%02x" % tuple(mix)


def document(title: str, sections: Sequence[tuple[str, str]]) -> str:
    """A complete HTML page; `sections` are (heading, HTML body) pairs."""
    lang = "zh-CN" if user_locale().startswith("zh") else "en"
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    body = "".join(f"<h2>{esc(h)}</h2>{b}" if h else b for h, b in sections)
    generated = esc(tr("Generated by the Territorial Space Resilience toolkit on {date}").format(date=stamp))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"<style>{STYLE}</style></head><body><h1>{esc(title)}</h1>{body}"
        f'<p class="note">{generated}</p></body></html>'
    )


def write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
