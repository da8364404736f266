"""Inline SVG charts of a Pareto front for the HTML reports (no scripts, no network): a scatter
plot of two objectives, a scatter matrix and parallel coordinates for more, and grouped bars to
compare scenarios. Objective values are given in their natural sense with `maximise` flags;
every chart draws "better" up (and right)."""

from __future__ import annotations

import itertools
import math
from typing import Sequence

from .report import esc, fmt

FRONT_COLOUR = "#8fa7c4"
KNEE_COLOUR = "#b2182b"
#: Colours of the kept scenarios (the knee, scenario 1, takes KNEE_COLOUR).
SCENARIO_COLOURS = ("#b2182b", "#2166ac", "#1b7837", "#e08214", "#762a83", "#35978f", "#8c510a", "#c51b7d", "#4d4d4d", "#7fbc41")


def scenario_colour(k: int) -> str:
    """Colour of the k-th kept scenario (0 = the knee)."""
    return SCENARIO_COLOURS[k % len(SCENARIO_COLOURS)]


def _span(values: Sequence[float]) -> tuple[float, float]:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return 0.0, 1.0
    low, high = min(finite), max(finite)
    if high <= low:
        pad = abs(low) * 0.05 or 0.5
        return low - pad, high + pad
    return low, high


def _panel(
    xs,
    ys,
    x_max: bool,
    y_max: bool,
    x_label: str,
    y_label: str,
    kept: Sequence[int],
    labels: Sequence[str],
    left: float,
    top: float,
    width: float,
    height: float,
) -> list[str]:
    """One scatter panel (axes, points, kept scenarios labelled); 'better' is right and up."""
    x0, x1 = _span(xs)
    y0, y1 = _span(ys)
    pad = 0.05  # of the panel on each side, so that no point sits on the frame

    def px(v):
        t = pad + (1 - 2 * pad) * (v - x0) / (x1 - x0)
        return left + width * (t if x_max else 1 - t)

    def py(v):
        t = pad + (1 - 2 * pad) * (v - y0) / (y1 - y0)
        return top + height * (1 - t if y_max else t)

    parts = [f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#fafafa" stroke="#999"/>']
    for i, (x, y) in enumerate(zip(xs, ys)):
        if i not in kept and math.isfinite(x) and math.isfinite(y):
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{FRONT_COLOUR}" fill-opacity="0.8"/>')
    for k, i in reversed(list(enumerate(kept))):
        x, y = xs[i], ys[i]
        if math.isfinite(x) and math.isfinite(y):
            r = 6 if k == 0 else 4.5
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="{r}" fill="{scenario_colour(k)}" stroke="#000" stroke-width="0.6"/>')
            parts.append(f'<text x="{px(x) + 6:.1f}" y="{py(y) - 5:.1f}" font-size="10" fill="{scenario_colour(k)}">{esc(labels[k])}</text>')
    # axis ends: worst at the origin, best at the far end
    xa, xb = (x0, x1) if x_max else (x1, x0)
    ya, yb = (y0, y1) if y_max else (y1, y0)
    parts.append(f'<text x="{px(xa):.1f}" y="{top + height + 12:.1f}" font-size="10" text-anchor="middle">{esc(fmt(xa, 3))}</text>')
    parts.append(f'<text x="{px(xb):.1f}" y="{top + height + 12:.1f}" font-size="10" text-anchor="middle">{esc(fmt(xb, 3))}</text>')
    parts.append(f'<text x="{left + width / 2:.1f}" y="{top + height + 25:.1f}" font-size="10" text-anchor="middle">{esc(x_label)} →</text>')
    parts.append(f'<text x="{left - 4:.1f}" y="{py(ya) + 3:.1f}" font-size="10" text-anchor="end">{esc(fmt(ya, 3))}</text>')
    parts.append(f'<text x="{left - 4:.1f}" y="{py(yb) + 3:.1f}" font-size="10" text-anchor="end">{esc(fmt(yb, 3))}</text>')
    cx, cy = left - 48, top + height / 2
    parts.append(
        f'<text x="{cx:.1f}" y="{cy:.1f}" font-size="10" text-anchor="middle" transform="rotate(-90 {cx:.1f} {cy:.1f})">{esc(y_label)} →</text>'
    )
    return parts


def scatter(
    xs: Sequence[float],
    ys: Sequence[float],
    x_label: str,
    y_label: str,
    x_max: bool,
    y_max: bool,
    kept: Sequence[int] = (),
    labels: Sequence[str] = (),
    width: int = 560,
    height: int = 380,
) -> str:
    """The front of two objectives; `kept` indexes the highlighted scenarios (the first, the
    knee, largest), labelled with `labels`."""
    left, top, right, bottom = 76, 12, 24, 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">']
    parts += _panel(xs, ys, x_max, y_max, x_label, y_label, list(kept), list(labels), left, top, width - left - right, height - top - bottom)
    parts.append("</svg>")
    return "".join(parts)


def scatter_matrix(
    values: Sequence[Sequence[float]],
    names: Sequence[str],
    maximise: Sequence[bool],
    kept: Sequence[int] = (),
    labels: Sequence[str] = (),
    panel: int = 230,
    per_row: int = 3,
) -> str:
    """Every pair of objectives as a small scatter plot (rows of `per_row` panels)."""
    m = len(names)
    pairs = list(itertools.combinations(range(m), 2))
    left, top, gap_x, gap_y = 64, 10, 84, 48
    rows = math.ceil(len(pairs) / per_row)
    cols = min(per_row, len(pairs))
    width = left + cols * (panel + gap_x)
    height = top + rows * (panel + gap_y)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">']
    for p, (a, b) in enumerate(pairs):
        r, c = divmod(p, per_row)
        xs = [row[a] for row in values]
        ys = [row[b] for row in values]
        parts += _panel(
            xs,
            ys,
            maximise[a],
            maximise[b],
            names[a],
            names[b],
            list(kept),
            list(labels),
            left + c * (panel + gap_x),
            top + r * (panel + gap_y),
            panel,
            panel,
        )
    parts.append("</svg>")
    return "".join(parts)


def _two_lines(label: str) -> tuple[str, str]:
    """'name (unit, sense)' as ('name', '(unit, sense)')."""
    cut = label.rfind(" (")
    return (label[:cut], label[cut + 1 :]) if cut > 0 else (label, "")


def parallel_coordinates(
    values: Sequence[Sequence[float]],
    names: Sequence[str],
    maximise: Sequence[bool],
    kept: Sequence[int] = (),
    labels: Sequence[str] = (),
    width: int = 760,
    height: int = 330,
) -> str:
    """One vertical axis per objective, scaled over the front with the best value at the top;
    one line per solution, the kept scenarios coloured and labelled."""
    m = len(names)
    left, right, top, bottom = 90, 110, 24, 52
    plot_h = height - top - bottom
    step = (width - left - right) / max(m - 1, 1)
    spans = [_span([row[k] for row in values]) for k in range(m)]

    def y(k, v):
        low, high = spans[k]
        t = (v - low) / (high - low)
        return top + plot_h * (1 - t if maximise[k] else t)

    def line(row, colour, stroke, opacity):
        points = " ".join(f"{left + k * step:.1f},{y(k, v):.1f}" for k, v in enumerate(row) if math.isfinite(v))
        return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{stroke}" stroke-opacity="{opacity}"/>'

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="10">']
    kept = list(kept)
    for i, row in enumerate(values):
        if i not in kept:
            parts.append(line(row, FRONT_COLOUR, 1, 0.6))
    for k, i in reversed(list(enumerate(kept))):
        parts.append(line(values[i], scenario_colour(k), 3 if k == 0 else 2, 0.95))
        last = values[i][m - 1]
        if math.isfinite(last):
            label = esc(labels[k] if k < len(labels) else "")
            parts.append(f'<text x="{left + (m - 1) * step + 8:.1f}" y="{y(m - 1, last) + 3:.1f}" fill="{scenario_colour(k)}">{label}</text>')
    for k in range(m):
        x = left + k * step
        low, high = spans[k]
        best, worst = (high, low) if maximise[k] else (low, high)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + plot_h}" stroke="#333"/>')
        parts.append(f'<text x="{x:.1f}" y="{top - 8}" text-anchor="middle">{esc(fmt(best, 3))}</text>')
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle">{esc(fmt(worst, 3))}</text>')
        first, second = _two_lines(names[k])
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 30}" text-anchor="middle" font-weight="bold">{esc(first)}</text>')
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 43}" text-anchor="middle">{esc(second)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def grouped_bars(
    groups: Sequence[str], series: Sequence[str], values: Sequence[Sequence[float]], colours: Sequence[str], unit: str = "", width: int = 640
) -> str:
    """Horizontal bars: for every group (e.g. a land use) one bar per series (e.g. a scenario);
    values[g][s]. A legend names the series."""
    finite = [v for row in values for v in row if math.isfinite(v)]
    top_value = max(finite + [1e-12])
    bar, gap, label_w = 12, 10, 150
    legend_h = 18
    height = legend_h + len(groups) * (len(series) * bar + gap) + 6
    length_w = width - label_w - 90
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">']
    x = label_w
    for s, name in enumerate(series):
        parts.append(f'<rect x="{x}" y="3" width="10" height="10" fill="{colours[s]}"/><text x="{x + 13}" y="12">{esc(name)}</text>')
        x += 24 + 7 * len(str(name))
    y = legend_h
    for g, group in enumerate(groups):
        block = len(series) * bar
        parts.append(f'<text x="{label_w - 6}" y="{y + block / 2 + 4:.1f}" text-anchor="end">{esc(group)}</text>')
        for s in range(len(series)):
            v = values[g][s]
            length = length_w * (v / top_value if math.isfinite(v) and v > 0 else 0)
            yy = y + s * bar
            parts.append(f'<rect x="{label_w}" y="{yy + 1}" width="{length:.1f}" height="{bar - 2}" fill="{colours[s]}"/>')
            parts.append(f'<text x="{label_w + length + 4:.1f}" y="{yy + bar - 2}" font-size="10">{esc(fmt(v, 3))}{esc(unit)}</text>')
        y += block + gap
    parts.append("</svg>")
    return "".join(parts)
