"""Findings: sentences whose every number is taken from a run's outputs — a number the run
returned (its record), a row of an output table, or attributes and geometries of an output
layer — each linked to the map and table it comes from. One builder per section; a section
whose algorithms have no run in the folder gets a note instead of findings.

Where a number is computed from an output (a sum of areas, a length), the `source` of its Value
says how, so that a reviewer can redo it."""

from __future__ import annotations

import csv
import math
import os
import re
from collections import defaultdict
from typing import Any, Callable

from ..raster.zoning import GRADE_LABELS
from . import geopackage
from .model import Finding as _Finding
from .model import LayerSpec, MapSpec, Section, TableSpec, Value
from .records import Results, Run
from .text import Text

NAME_FIELDS = ("name", "unit_name", "名称", "mc")
GEOGRAPHIC_SRS = (4326, 4490, 4214, 4610, 4283, 4258, 4269)

SUITABILITY_COLOURS = ("#1a9850", "#a6d96a", "#fee08b", "#d73027", "#969696")
SUITABILITY_LABELS = (
    Text("Robustly suitable (p ≥ 0.9)", "稳健适宜（p ≥ 0.9）"),
    Text("Likely suitable (0.5–0.9)", "较可能适宜（0.5–0.9）"),
    Text("Uncertain (0.1–0.5)", "不确定（0.1–0.5）"),
    Text("Unsuitable (p < 0.1)", "不适宜（p < 0.1）"),
    Text("Excluded", "排除区"),
)
DIMENSIONS = {
    "S": Text("social", "社会"),
    "E": Text("ecological", "生态"),
    "T": Text("technological", "技术"),
}


def base(path: str) -> str:
    return os.path.basename(str(path).split("|", 1)[0])


def note(run: Run, method: Text, files: list[str] | None = None) -> Text:
    """The source note of a map: data (the run's inputs, or `files`), date and method."""
    data = ", ".join(dict.fromkeys(base(path) for path in (files if files is not None else [i["path"] for i in run.inputs]))) or "–"
    day = run.started[:10]
    return Text(
        f"Data: {data}. Run: {day}, {run.algorithm}. Method: {method.en}.",
        f"数据：{data}。运行：{day}，{run.algorithm}。方法：{method.zh}。",
    )


def read_table(path: str | None) -> list[dict[str, Any]]:
    """The rows of a table output written as CSV (qgis_process, the main job) or as a GeoPackage
    (the guide writes every table so); other formats give no rows."""
    if not path or not os.path.isfile(path):
        return []
    if path.lower().endswith(".gpkg"):
        return geopackage.read(path)
    if not path.lower().endswith(".csv"):
        return []
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.DictReader(handle))


def as_float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def name_of(row: dict[str, Any]) -> str:
    for field in NAME_FIELDS:
        if row.get(field) not in (None, ""):
            return str(row[field])
    return str(row.get("fid", "?"))


def named(name: str) -> Text:
    """A place name for each language: 'Chengguan 城关镇' → Chengguan / 城关镇; one-language names as they are."""
    latin = " ".join(w for w in name.split() if not re.search(r"[\u3400-\u9fff]", w))
    chinese = "".join(w for w in name.split() if re.search(r"[\u3400-\u9fff]", w))
    return Text(latin or name, chinese or name)


def units_source(results: Results) -> tuple[Run, str] | None:
    """The planning units (townships) a run used: riskzoning's UNITS or setsindex's INPUT."""
    for algorithm, parameter in (("riskzoning", "UNITS"), ("setsindex", "INPUT")):
        run = results.latest(algorithm, lambda r, p=parameter: bool(r.parameter(p)))
        if run is not None:
            source = str(run.parameter(parameter))
            if os.path.isfile(source.split("|", 1)[0]):
                return run, source
    return None


def unit_names(results: Results) -> dict[str, str]:
    """Code → name of the planning units (to name townships in per-township sums)."""
    found = units_source(results)
    if found is None:
        return {}
    return {str(row["code"]): name_of(row) for row in geopackage.read(found[1]) if row.get("code") is not None}


def metric(source: str) -> bool:
    path, layer = geopackage.split_source(source)
    try:
        return geopackage.srs_id(path, layer) not in GEOGRAPHIC_SRS
    except Exception:  # noqa: BLE001 - an unreadable layer just gives no area
        return False


class Builder:
    """Collects the findings, maps and tables of one section."""

    def __init__(self, key: str):
        self.section = Section(key)

    def finding(self, key: str, template: Text, values: list[Value], run: Run | None, map_key=None, table_key=None, **words: Text) -> _Finding:
        finding = _Finding(f"{self.section.key}.{key}", self.section.key, template, values, dict(words), map_key, table_key, run)
        self.section.findings.append(finding)
        return finding

    def use(self, *runs: Run | None) -> None:
        for run in runs:
            if run is not None and run not in self.section.runs:
                self.section.runs.append(run)


def missing(key: str, algorithms: str) -> Section:
    section = Section(key)
    section.note = Text(
        f"Skipped: the results folder holds no run of {algorithms}.",
        f"未生成：结果文件夹中没有 {algorithms} 的运行记录。",
    )
    return section


# --- study area ----------------------------------------------------------------------------


def study_area(results: Results) -> Section:
    found = units_source(results)
    if found is None:
        return missing("study_area", "tsr:riskzoning (UNITS) / tsr:setsindex")
    run, source = found
    rows = geopackage.read(source, with_geometry=True)
    if not rows:
        return missing("study_area", "tsr:riskzoning (UNITS) / tsr:setsindex")
    b = Builder("study_area")
    b.use(run)
    values = [Value("n", len(rows), 0, "", f"number of features of {source}")]
    areas = [(r["__geometry__"].area / 1e4 if r.get("__geometry__") is not None else 0.0) for r in rows]
    population = [as_float(r.get("population")) for r in rows]
    has_area, has_population = metric(source), all(p is not None for p in population)
    if has_area:
        values.append(Value("area", sum(areas), 1, "ha", f"Σ polygon area of {source} / 10 000"))
    if has_population:
        values.append(Value("population", sum(population), 0, "", f"Σ population of {source}"))
    if has_area and has_population:
        template = Text(
            "The study area covers {area} in {n} planning units with {population} residents.",
            "研究区面积 {area}，含 {n} 个规划单元，常住人口 {population} 人。",
        )
    else:
        template = Text("The study area consists of {n} planning units.", "研究区含 {n} 个规划单元。")
    b.finding("extent", template, values, run, "study_area.map", "study_area.units")
    table_rows = [[name_of(r), a, p] for r, a, p in zip(rows, areas, population)]
    b.section.tables.append(
        TableSpec(
            "study_area.units",
            Text("Planning units", "规划单元"),
            [Text("Unit", "单元"), Text("Area (ha)", "面积（公顷）"), Text("Population", "人口")],
            table_rows,
            [0, 1, 0],
        )
    )
    layers = [LayerSpec(source, "units", Text("Planning units", "规划单元"))]
    roads = results.latest("servicecoverage", lambda r: bool(r.parameter("NETWORK")))
    if roads is not None:
        layers.append(LayerSpec(str(roads.parameter("NETWORK")), "roads", Text("Roads", "道路")))
    b.section.maps.append(
        MapSpec(
            "study_area.map",
            Text("Study area and planning units", "研究区与规划单元"),
            layers,
            note(run, Text("planning units", "规划单元"), [layer.source for layer in layers]),
            source,
        )
    )
    return b.section


# --- multi-hazard risk ------------------------------------------------------------------------


def grade_words(k: int, grade: int) -> Text:
    labels = GRADE_LABELS.get(k)
    if labels is None or not 1 <= grade <= k:
        return Text(f"grade {grade}", f"{grade} 级")
    return Text(labels[0][grade - 1], labels[1][grade - 1])


def risk(results: Results) -> Section:
    run = results.latest("riskzoning")
    if run is None or run.file("OUTPUT_ZONES") is None:
        return missing("risk", "tsr:riskzoning")
    overlay = results.latest("multihazardoverlay")
    b = Builder("risk")
    b.use(overlay, run)
    zones = geopackage.read(run.file("OUTPUT_ZONES"))
    k = max(int(z["grade"]) for z in zones)
    top = [z for z in zones if int(z["grade"]) >= k - 1]
    zones_file = base(run.file("OUTPUT_ZONES"))
    b.finding(
        "highest_grades",
        Text(
            "{area} ({share}) of the study area lie in the two highest risk grades ({high} and {highest}).",
            "{area}（占研究区 {share}）位于两个最高风险等级（{high}、{highest}）。",
        ),
        [
            Value("area", sum(float(z["area_ha"]) for z in top), 1, "ha", f"Σ area_ha of grades ≥ {k - 1} in {zones_file}"),
            Value("share", sum(float(z["share_pct"]) for z in top), 1, "%", f"Σ share_pct of grades ≥ {k - 1} in {zones_file}"),
        ],
        run,
        "risk.map",
        "risk.grades",
        high=grade_words(k, k - 1),
        highest=grade_words(k, k),
    )
    if overlay is not None:
        hazards = overlay.parameter("HAZARDS") or []
        n = len(hazards) if isinstance(hazards, list) else len(str(hazards).split(";"))
        gvf = run.number("GVF")
        values = [Value("n", n, 0, "", "number of rasters in HAZARDS of tsr:multihazardoverlay")]
        if gvf is not None:
            values.append(Value("gvf", gvf, 3, "", "GVF returned by tsr:riskzoning"))
            template = Text(
                "The risk index combines {n} hazards; its {k} grades fit it with a goodness of variance fit of {gvf}.",
                "综合风险指数叠加了 {n} 种灾害；{k} 个风险等级的方差拟合优度（GVF）为 {gvf}。",
            )
        else:
            template = Text("The risk index combines {n} hazards in {k} grades.", "综合风险指数叠加了 {n} 种灾害，分为 {k} 个等级。")
        b.finding("hazards", template, values, overlay, "risk.map", "risk.grades", k=Text(str(k), str(k)))
    units = read_table(run.file("OUTPUT_TABLE"))
    table = base(run.file("OUTPUT_TABLE") or "")
    if units:
        high = lambda row: sum(as_float(row.get(f"grade{g}_ha")) or 0.0 for g in (k - 1, k))  # noqa: E731
        worst = max(units, key=high)
        total = as_float(worst.get("total_ha")) or 0.0
        b.finding(
            "worst_unit",
            Text(
                "{unit} has the largest area in the two highest grades: {area}, {share} of its area.",
                "{unit}位于两个最高风险等级的面积最大：{area}，占其面积的 {share}。",
            ),
            [
                Value("area", high(worst), 1, "ha", f"grade{k - 1}_ha + grade{k}_ha of {worst['unit']} in {table}"),
                Value("share", 100.0 * high(worst) / total if total else 0.0, 1, "%", f"(grade{k - 1}_ha + grade{k}_ha) / total_ha in {table}"),
            ],
            run,
            "risk.map",
            "risk.units",
            unit=named(worst["unit"]),
        )
        headers = [Text("Unit", "单元")] + [grade_words(k, g) for g in range(1, k + 1)] + [Text("Total (ha)", "合计（公顷）")]
        rows = [[u["unit"]] + [as_float(u.get(f"grade{g}_ha")) for g in range(1, k + 1)] + [as_float(u.get("total_ha"))] for u in units]
        b.section.tables.append(
            TableSpec("risk.units", Text("Area by risk grade and unit (ha)", "各单元各风险等级面积（公顷）"), headers, rows, [0] + [1] * (k + 1))
        )
    b.section.tables.insert(
        0,
        TableSpec(
            "risk.grades",
            Text("Risk grades", "风险等级"),
            [Text("Grade", "等级"), Text("Area (ha)", "面积（公顷）"), Text("Share (%)", "占比（%）")],
            [[grade_words(k, int(z["grade"])), float(z["area_ha"]), float(z["share_pct"])] for z in sorted(zones, key=lambda z: int(z["grade"]))],
            [0, 1, 1],
        ),
    )
    layers = [LayerSpec(run.file("OUTPUT"), "grades", Text("Risk grade", "风险等级"), {"classes": k})]
    units_found = units_source(results)
    if units_found:
        layers.append(LayerSpec(units_found[1], "units", Text("Planning units", "规划单元")))
    b.section.maps.append(
        MapSpec(
            "risk.map",
            Text("Multi-hazard risk grades", "多灾种综合风险等级"),
            layers,
            note(overlay or run, Text("weighted overlay of hazard degrees, natural-breaks grading", "灾害危险度加权叠加，自然断点分级")),
        )
    )
    return b.section


def control_lines(results: Results) -> Section:
    run = results.latest("riskzoning")
    if run is None or run.file("OUTPUT_LINES") is None:
        return missing("control_lines", "tsr:riskzoning (OUTPUT_LINES)")
    b = Builder("control_lines")
    b.use(run)
    lines = geopackage.read(run.file("OUTPUT_LINES"))
    lines_file = base(run.file("OUTPUT_LINES"))
    zones = geopackage.read(run.file("OUTPUT_ZONES")) if run.file("OUTPUT_ZONES") else []
    grade = int(lines[0]["min_grade"]) if lines else int(run.number_parameter("CONTROL_GRADE", 0) or max([int(z["grade"]) for z in zones] or [0]))
    k = max([int(z["grade"]) for z in zones] or [grade])
    values = [
        Value("length", sum(float(line["length_m"]) for line in lines) / 1000.0, 1, "km", f"Σ length_m of {lines_file} / 1000"),
        Value("area", run.number("CONTROLLED_AREA_HA") or 0.0, 1, "ha", "CONTROLLED_AREA_HA returned by tsr:riskzoning"),
    ]
    if zones:
        values.append(
            Value("share", sum(float(z["share_pct"]) for z in zones if int(z["grade"]) >= grade), 1, "%", f"Σ share_pct of grades ≥ {grade}")
        )
        template = Text(
            "{length} of risk control lines enclose {area} ({share} of the study area) in grade {grade} ({label}) or above.",
            "风险控制线总长 {length}，划定 {area}（占研究区 {share}）{label}风险（{grade} 级及以上）管控区。",
        )
    else:
        template = Text("{length} of risk control lines enclose {area}.", "风险控制线总长 {length}，管控面积 {area}。")
    b.finding(
        "lines", template, values, run, "control_lines.map", "control_lines.units", grade=Text(str(grade), str(grade)), label=grade_words(k, grade)
    )
    units = read_table(run.file("OUTPUT_TABLE"))
    table = base(run.file("OUTPUT_TABLE") or "")
    if units:
        top = max(units, key=lambda u: as_float(u.get("controlled_pct")) or 0.0)
        b.finding(
            "worst_unit",
            Text(
                "{unit} has the largest share inside the control lines: {area}, {share} of its area.",
                "{unit}管控区占比最高：{area}，占其面积的 {share}。",
            ),
            [
                Value("area", as_float(top.get("controlled_ha")) or 0.0, 1, "ha", f"controlled_ha of {top['unit']} in {table}"),
                Value("share", as_float(top.get("controlled_pct")) or 0.0, 1, "%", f"controlled_pct of {top['unit']} in {table}"),
            ],
            run,
            "control_lines.map",
            "control_lines.units",
            unit=named(top["unit"]),
        )
        b.section.tables.append(
            TableSpec(
                "control_lines.units",
                Text("Controlled zone by unit", "各单元风险管控区"),
                [Text("Unit", "单元"), Text("Controlled (ha)", "管控面积（公顷）"), Text("Share (%)", "占比（%）")],
                [[u["unit"], as_float(u.get("controlled_ha")), as_float(u.get("controlled_pct"))] for u in units],
                [0, 1, 1],
            )
        )
    layers = []
    if run.file("OUTPUT"):
        layers.append(LayerSpec(run.file("OUTPUT"), "grades", Text("Risk grade", "风险等级"), {"classes": k, "opacity": 0.55}))
    units_found = units_source(results)
    if units_found:
        layers.append(LayerSpec(units_found[1], "units", Text("Planning units", "规划单元")))
    layers.append(LayerSpec(run.file("OUTPUT_LINES"), "control_lines", Text("Risk control line", "风险控制线")))
    b.section.maps.append(
        MapSpec(
            "control_lines.map",
            Text("Risk control lines", "风险控制线"),
            layers,
            note(
                run,
                Text(
                    f"boundary of the grade ≥ {grade} zones after removing patches below MIN_AREA",
                    f"{grade} 级及以上风险区（剔除小于 MIN_AREA 的图斑）边界",
                ),
            ),
            run.file("OUTPUT"),
        )
    )
    return b.section


# --- zoning under uncertainty -----------------------------------------------------------------


def raster_class_areas(path: str) -> dict[int, float]:
    """Area (ha) of each class value of a class raster, read block by block."""
    import numpy as np
    import rasterio

    areas: dict[int, float] = defaultdict(float)
    with rasterio.open(path) as src:
        cell_ha = abs(src.transform.a * src.transform.e) / 1e4
        for _, window in src.block_windows(1):
            block = src.read(1, window=window, masked=True)
            values, counts = np.unique(block.compressed(), return_counts=True)
            for v, c in zip(values.tolist(), counts.tolist()):
                areas[int(v)] += c * cell_ha
    return dict(areas)


def suitability(results: Results) -> Section:
    run = results.latest("suitability")
    ahp = results.latest("ahpweights")
    if run is None and ahp is None:
        return missing("suitability", "tsr:suitability / tsr:ahpweights")
    b = Builder("suitability")
    b.use(ahp, run)
    if ahp is not None and ahp.number("CR") is not None:
        cr = ahp.number("CR")
        limit = ahp.number_parameter("MAX_CR", 0.1) or 0.1
        verdict = Text("consistent", "通过一致性检验") if cr <= limit else Text("not consistent", "未通过一致性检验")
        b.finding(
            "ahp",
            Text(
                "The weights of the {n} criteria come from pairwise judgements with a consistency ratio CR = {cr} (limit {limit}): {verdict}.",
                "{n} 项评价因子的权重来自层次分析法两两比较，一致性比率 CR = {cr}（阈值 {limit}），{verdict}。",
            ),
            [
                Value("cr", cr, 3, "", "CR returned by tsr:ahpweights"),
                Value("limit", limit, 2, "", "MAX_CR of tsr:ahpweights (default 0.10, Saaty)"),
                Value("n", len(str(ahp.parameter("CRITERIA", "")).split(",")) if ahp.parameter("CRITERIA") else 0, 0, "", "number of CRITERIA"),
            ],
            ahp,
            "suitability.map" if run else None,
            None,
            verdict=verdict,
        )
    if run is not None:
        robust, uncertain = run.number("ROBUST_AREA_HA"), run.number("UNCERTAIN_AREA_HA")
        b.finding(
            "robust",
            Text(
                "{robust} are robustly suitable for development (suitable in at least 90 % of {n} weight draws with ±{spread} weight uncertainty); "
                "{uncertain} are uncertain.",
                "{robust} 为稳健适宜建设区（在权重不确定性 ±{spread} 的 {n} 次蒙特卡洛抽样中至少 90% 适宜）；{uncertain} 适宜性不确定。",
            ),
            [
                Value("robust", robust or 0.0, 1, "ha", "ROBUST_AREA_HA returned by tsr:suitability"),
                Value("uncertain", uncertain or 0.0, 1, "ha", "UNCERTAIN_AREA_HA returned by tsr:suitability"),
                Value("n", run.number_parameter("ITERATIONS", 0) or 0, 0, "", "ITERATIONS of tsr:suitability"),
                Value("spread", run.number_parameter("WEIGHT_UNCERTAINTY", 0) or 0, 0, "%", "WEIGHT_UNCERTAINTY of tsr:suitability"),
            ],
            run,
            "suitability.map",
            "suitability.classes",
        )
        if run.file("OUTPUT_CLASS"):
            areas = raster_class_areas(run.file("OUTPUT_CLASS"))
            b.section.tables.append(
                TableSpec(
                    "suitability.classes",
                    Text("Robustness classes", "稳健性分类"),
                    [Text("Class", "类别"), Text("Area (ha)", "面积（公顷）")],
                    [[SUITABILITY_LABELS[c - 1], areas.get(c, 0.0)] for c in range(1, 6)],
                    [0, 1],
                )
            )
            b.section.maps.append(
                MapSpec(
                    "suitability.map",
                    Text("Development suitability under weight uncertainty", "权重不确定性下的建设适宜性"),
                    [LayerSpec(run.file("OUTPUT_CLASS"), "suitability_class", Text("Robustness class", "稳健性分类"))]
                    + ([LayerSpec(units_source(results)[1], "units", Text("Planning units", "规划单元"))] if units_source(results) else []),
                    note(run, Text("AHP weights, Monte Carlo weight perturbation, exclusion zones", "层次分析法权重、蒙特卡洛权重扰动、排除区")),
                )
            )
    return b.section


def scenarios(results: Results) -> Section:
    run = results.latest("landallocation")
    if run is None:
        return missing("scenarios", "tsr:landallocation")
    b = Builder("scenarios")
    b.use(run)
    pareto = read_table(run.file("OUTPUT_PARETO"))
    pareto_file = base(run.file("OUTPUT_PARETO") or "")
    values = [
        Value("n", run.number("FRONT_SIZE") or 0, 0, "", "FRONT_SIZE returned by tsr:landallocation"),
        Value("knee", run.number("KNEE_ID") or 0, 0, "", "KNEE_ID returned by tsr:landallocation"),
        Value("hv", run.number("HYPERVOLUME") or 0.0, 3, "", "HYPERVOLUME returned by tsr:landallocation"),
    ]
    b.finding(
        "front",
        Text(
            "The multi-objective search found {n} non-dominated land-use scenarios (normalised hypervolume {hv}); scenario {knee} is the compromise (knee).",  # noqa: E501 (Chinese text)
            "多目标优化（NSGA-II）得到 {n} 个非劣用地情景（归一化超体积 {hv}）；情景 {knee} 为折中解（拐点）。",
        ),
        values,
        run,
        "scenarios.map",
        "scenarios.front",
    )
    knee = next((row for row in pareto if str(row.get("knee")) == "1"), None)
    if knee is not None:
        knee_values = []
        if as_float(knee.get("converted_ha")) is not None:
            knee_values.append(Value("converted", as_float(knee["converted_ha"]), 1, "ha", f"converted_ha of the knee row in {pareto_file}"))
        if as_float(knee.get("exposed_area_ha")) is not None:
            knee_values.append(Value("exposed", as_float(knee["exposed_area_ha"]), 1, "ha", f"exposed_area_ha of the knee row in {pareto_file}"))
        if len(knee_values) == 2:
            b.finding(
                "knee",
                Text(
                    "The compromise scenario changes the use of {converted} and has {exposed} of development area exposed to risk (area × risk).",
                    "折中情景调整用途 {converted}，建设用地风险暴露面积（面积 × 风险）为 {exposed}。",
                ),
                knee_values,
                run,
                "scenarios.map",
                "scenarios.front",
            )
    listed = [row for row in pareto if row.get("scenario")] or pareto[:10]
    columns = [c for c in ("suitability", "exposed_area_ha", "compactness", "converted_ha") if listed and c in listed[0]]
    names = {
        "suitability": Text("Suitability", "适宜性"),
        "exposed_area_ha": Text("Exposed (ha)", "风险暴露（公顷）"),
        "compactness": Text("Compactness", "紧凑度"),
        "converted_ha": Text("Converted (ha)", "用途调整（公顷）"),
    }
    b.section.tables.append(
        TableSpec(
            "scenarios.front",
            Text("Scenarios of the Pareto front", "帕累托前沿情景"),
            [Text("Scenario", "情景"), Text("Solution", "解编号")] + [names[c] for c in columns] + [Text("Knee", "拐点")],
            [
                [row.get("scenario") or "", row.get("solution_id")] + [as_float(row[c]) for c in columns] + ["✓" if row.get("knee") == "1" else ""]
                for row in listed
            ],
            [0, 0] + [3 if c in ("suitability", "compactness") else 1 for c in columns] + [0],
        )
    )
    uses = [part.split(",")[0].strip() for part in str(run.parameter("DEMAND", "")).split(";") if part.strip()]
    if run.file("OUTPUT"):
        b.section.maps.append(
            MapSpec(
                "scenarios.map",
                Text("Land use of the compromise scenario", "折中情景用地布局"),
                [LayerSpec(run.file("OUTPUT"), "land_use", Text("Land use", "用地类型"), {"uses": uses})],
                note(run, Text("NSGA-II multi-objective land allocation", "NSGA-II 多目标用地配置")),
            )
        )
    return b.section


# --- ecological security pattern ------------------------------------------------------------


def ecology(results: Results) -> Section:
    corridors = results.latest("ecologicalcorridors")
    patches = results.latest("patchconnectivity")
    circuit = results.latest("circuitconnectivity")
    if corridors is None and patches is None and circuit is None:
        return missing("ecology", "tsr:ecologicalcorridors / tsr:patchconnectivity / tsr:circuitconnectivity")
    b = Builder("ecology")
    b.use(results.latest("resistancesurface"), patches, corridors, circuit, results.latest("barriers"))
    layers: list[LayerSpec] = []
    if corridors is not None:
        paths = geopackage.read(corridors.file("OUTPUT_PATHS") or "")
        paths_file = base(corridors.file("OUTPUT_PATHS") or "")
        if paths:
            length = sum(as_float(p.get("lcp_length")) or 0.0 for p in paths) / 1000.0
            important = sum(1 for p in paths if str(p.get("importance", "")).lower() == "important")
            b.finding(
                "corridors",
                Text(
                    "{n} least-cost ecological corridors join the sources over {length}; {important} of them are important by the gravity model.",
                    "{n} 条最小累积阻力生态廊道连接生态源地，总长 {length}；其中 {important} 条按引力模型为重要廊道。",
                ),
                [
                    Value("n", len(paths), 0, "", f"number of features of {paths_file}"),
                    Value("length", length, 1, "km", f"Σ lcp_length of {paths_file} / 1000"),
                    Value("important", important, 0, "", f"features of {paths_file} with importance = important"),
                ],
                corridors,
                "ecology.map",
                None,
            )
        if corridors.file("OUTPUT_CORRIDORS"):
            layers.append(LayerSpec(corridors.file("OUTPUT_CORRIDORS"), "corridor_raster", Text("Least-cost corridor", "最小累积阻力廊道")))
        if corridors.file("OUTPUT_PATHS"):
            layers.append(LayerSpec(corridors.file("OUTPUT_PATHS"), "paths", Text("Corridor path", "廊道路径")))
        conflicts = geopackage.read(corridors.file("OUTPUT_CONFLICTS") or "")
        if corridors.file("OUTPUT_CONFLICTS"):
            b.finding(
                "conflicts",
                Text("Corridors cross roads at {n} places (conflict points).", "生态廊道与道路交叉 {n} 处（冲突点）。"),
                [Value("n", len(conflicts), 0, "", f"number of features of {base(corridors.file('OUTPUT_CONFLICTS'))}")],
                corridors,
                "ecology.map",
                None,
            )
            layers.append(LayerSpec(corridors.file("OUTPUT_CONFLICTS"), "conflicts", Text("Road crossing", "道路冲突点")))
    if patches is not None and patches.number("PC") is not None:
        values = [Value("pc", patches.number("PC"), 4, "", "PC returned by tsr:patchconnectivity")]
        if patches.number("COMPONENTS") is not None:
            values.append(Value("components", patches.number("COMPONENTS"), 0, "", "COMPONENTS returned by tsr:patchconnectivity"))
            template = Text(
                "The habitat network forms {components} connected components; its probability of connectivity PC = {pc}.",
                "生境斑块网络包含 {components} 个连通组分，整体连通性指数 PC = {pc}。",
            )
        else:
            template = Text("The habitat network's probability of connectivity PC = {pc}.", "生境斑块网络整体连通性指数 PC = {pc}。")
        b.finding("connectivity", template, values, patches, "ecology.map" if layers else None, None)
    if circuit is not None and circuit.number("MEAN_EFFECTIVE_RESISTANCE") is not None:
        b.finding(
            "circuit",
            Text("The mean effective resistance between the sources is {r}.", "生态源地之间的平均有效电阻为 {r}。"),
            [Value("r", circuit.number("MEAN_EFFECTIVE_RESISTANCE"), 1, "", "MEAN_EFFECTIVE_RESISTANCE returned by tsr:circuitconnectivity")],
            circuit,
            None,
            None,
        )
        if circuit.file("OUTPUT_CURRENT") and not layers:
            layers.append(LayerSpec(circuit.file("OUTPUT_CURRENT"), "current", Text("Current density", "电流密度")))
    if layers:
        run = corridors or circuit or patches
        b.section.maps.append(
            MapSpec(
                "ecology.map",
                Text("Ecological security pattern", "生态安全格局"),
                layers,
                note(run, Text("sources, resistance surface, minimum cumulative resistance corridors", "生态源地—阻力面—最小累积阻力廊道")),
                units_source(results)[1] if units_source(results) else None,
            )
        )
    if not b.section.findings:
        return missing("ecology", "tsr:ecologicalcorridors / tsr:patchconnectivity / tsr:circuitconnectivity")
    return b.section


# --- community emergency network ------------------------------------------------------------


def is_shelter_run(run: Run) -> bool:
    return str(run.parameter("PRESET", "0")) in ("1", "2") or "shelter" in str(run.parameter("FACILITIES", "")).lower()


def first_threshold(run: Run) -> tuple[float, str]:
    """The first threshold of a tsr:servicecoverage run and its unit (m or min)."""
    preset = str(run.parameter("PRESET", "0"))
    if preset == "1":
        return 500.0, "m"
    if preset == "2":
        return 2000.0, "m"
    if preset == "3":
        return 300.0, "m"
    numbers = [as_float(t) for t in str(run.parameter("THRESHOLDS", "")).replace(";", ",").split(",")]
    numbers = [t for t in numbers if t is not None]
    return (numbers[0] if numbers else 0.0), ("min" if str(run.parameter("COST", "0")) == "1" else "m")


def emergency(results: Results) -> Section:
    shelters = results.latest("servicecoverage", is_shelter_run)
    hospitals = results.latest("servicecoverage", lambda r: not is_shelter_run(r))
    location = results.latest("facilitylocation")
    evacuation = results.latest("evacuationroutes")
    if shelters is None and hospitals is None and location is None and evacuation is None:
        return missing("emergency", "tsr:servicecoverage / tsr:facilitylocation / tsr:evacuationroutes")
    b = Builder("emergency")
    b.use(shelters, hospitals, location, evacuation)
    names = unit_names(results)
    if shelters is not None:
        reach, unit = first_threshold(shelters)
        pct = shelters.number("COVERED_PERCENT") or 0.0
        preset = str(shelters.parameter("PRESET", "0"))
        values = [Value("pct", pct, 1, "%", "COVERED_PERCENT returned by tsr:servicecoverage"), Value("reach", reach, 0, unit, "first threshold")]
        if preset == "1":
            comparison = (
                Text(
                    "below the 100 % that GB 50413-2007 asks (emergency shelter within 500 m)",
                    "低于 GB 50413-2007 要求的 100%（紧急避难场所服务半径 500 米）",
                )
                if pct < 100.0
                else Text("as GB 50413-2007 asks", "满足 GB 50413-2007 要求")
            )
        elif preset == "2":
            comparison = Text(
                "against the 2–3 km service radius of fixed shelters (GB 50413-2007)", "对照 GB 50413-2007 固定避难场所服务半径 2–3 千米"
            )
        else:
            comparison = Text("along the roads", "（沿道路网络计算）")
        b.finding(
            "shelter_coverage",
            Text(
                "{pct} of residents live within {reach} of an emergency shelter, {comparison}.",
                "{pct} 的居民居住在避难场所 {reach} 范围内，{comparison}。",
            ),
            values,
            shelters,
            "emergency.coverage",
            "emergency.townships",
            comparison=comparison,
        )
        blocks = geopackage.read(shelters.file("OUTPUT_DEMAND") or "")
        column = f"covered_{reach:g}"
        population_field = str(shelters.parameter("POPULATION_FIELD", "population"))
        if blocks and column in blocks[0]:
            outside: dict[str, float] = defaultdict(float)
            total: dict[str, float] = defaultdict(float)
            for block in blocks:
                code = str(block.get("township_code", ""))
                people = as_float(block.get(population_field)) or 0.0
                total[code] += people
                if not block.get(column):
                    outside[code] += people
            blocks_file = base(shelters.file("OUTPUT_DEMAND"))
            worst = max(outside, key=outside.get) if outside else None
            if worst is not None:
                b.finding(
                    "shortfall",
                    Text(
                        "{people} residents live beyond {reach} of a shelter; most of them in {unit} ({worst}).",
                        "共有 {people} 名居民不在避难场所 {reach} 服务范围内，其中{unit}最多（{worst} 人）。",
                    ),
                    [
                        Value("people", sum(outside.values()), 0, "", f"Σ {population_field} of {blocks_file} where {column} = 0"),
                        Value("reach", reach, 0, unit, "first threshold"),
                        Value("worst", outside[worst], 0, "", f"Σ {population_field} where {column} = 0 and township_code = {worst}"),
                    ],
                    shelters,
                    "emergency.coverage",
                    "emergency.townships",
                    unit=named(names.get(worst, worst)),
                )
            b.section.tables.append(
                TableSpec(
                    "emergency.townships",
                    Text("Residents beyond the shelter reach by township", "各乡镇避难场所服务范围外人口"),
                    [Text("Township", "乡镇"), Text("Residents", "人口"), Text("Beyond reach", "服务范围外"), Text("Share (%)", "占比（%）")],
                    [
                        [
                            names.get(code, code),
                            total[code],
                            outside.get(code, 0.0),
                            100.0 * outside.get(code, 0.0) / total[code] if total[code] else 0.0,
                        ]
                        for code in sorted(total, key=lambda c: -outside.get(c, 0.0))
                    ],
                    [0, 0, 0, 1],
                )
            )
        layers = []
        if shelters.file("OUTPUT_AREAS"):
            layers.append(LayerSpec(shelters.file("OUTPUT_AREAS"), "service_areas", Text("Service area", "服务范围"), {"thresholds": [reach]}))
        if shelters.file("OUTPUT_DEMAND"):
            layers.append(
                LayerSpec(
                    shelters.file("OUTPUT_DEMAND"),
                    "covered_demand",
                    Text("Residential blocks", "居住街区"),
                    {"column": column, "reach": f"{reach:g} {unit}"},
                )
            )
        if shelters.file("OUTPUT_FACILITIES"):
            layers.append(LayerSpec(shelters.file("OUTPUT_FACILITIES"), "facility_load", Text("Shelters", "避难场所")))
        b.section.maps.append(
            MapSpec(
                "emergency.coverage",
                Text("Residents within reach of an emergency shelter", "避难场所服务覆盖"),
                layers,
                note(shelters, Text("network distance along the roads to the nearest shelter", "沿道路网络至最近避难场所的距离")),
                units_source(results)[1] if units_source(results) else None,
            )
        )
    if hospitals is not None:
        reach, unit = first_threshold(hospitals)
        b.finding(
            "hospital_coverage",
            Text("{pct} of residents reach a hospital within {reach} by road.", "{pct} 的居民可在 {reach} 内经道路到达医院。"),
            [
                Value("pct", hospitals.number("COVERED_PERCENT") or 0.0, 1, "%", "COVERED_PERCENT returned by tsr:servicecoverage"),
                Value("reach", reach, 0, unit, "first threshold"),
            ],
            hospitals,
            None,
            None,
        )
    layers = []
    if location is not None:
        sites = [s for s in geopackage.read(location.file("OUTPUT_SITES") or "") if str(s.get("existing")) in ("0", "False", "false")]
        p = location.number_parameter("P", len(sites)) or len(sites)
        id_field = "site_id"
        b.finding(
            "new_sites",
            Text(
                "Opening {p} new shelters at the sites chosen by the maximal covering model (MCLP) — {sites} — would cover {pct} of residents within {reach}.",  # noqa: E501 (Chinese text)
                "在最大覆盖选址模型（MCLP）选出的 {p} 处新址（{sites}）新建避难场所，可使 {reach} 内覆盖人口达到 {pct}。",
            ),
            [
                Value("p", p, 0, "", "P of tsr:facilitylocation"),
                Value("pct", location.number("COVERED_PERCENT") or 0.0, 1, "%", "COVERED_PERCENT returned by tsr:facilitylocation"),
                Value("reach", location.number_parameter("SERVICE_DISTANCE", 0) or 0.0, 0, "m", "SERVICE_DISTANCE of tsr:facilitylocation"),
            ],
            location,
            "emergency.network",
            None,
            sites=Text("; ".join(str(s.get(id_field)) for s in sites), "；".join(str(s.get(id_field)) for s in sites)),
        )
        if location.file("OUTPUT_SITES"):
            layers.append(LayerSpec(location.file("OUTPUT_SITES"), "candidate_sites", Text("Shelter sites", "避难场所选址")))
    if evacuation is not None:
        left = geopackage.read(evacuation.file("OUTPUT_UNREACHED") or "")
        values = [Value("pct", evacuation.number("EVACUATED_PERCENT") or 0.0, 1, "%", "EVACUATED_PERCENT returned by tsr:evacuationroutes")]
        template = Text(
            "{pct} of residents have a safe evacuation route around the hazard zones to a shelter with room.",
            "{pct} 的居民拥有绕避灾害区、通往尚有容量避难场所的安全疏散路线。",
        )
        if evacuation.file("OUTPUT_UNREACHED"):
            values.append(
                Value("left", sum(as_float(r.get("people")) or 0.0 for r in left), 0, "", f"Σ people of {base(evacuation.file('OUTPUT_UNREACHED'))}")
            )
            template = Text(template.en[:-1] + "; {left} residents have none.", template.zh[:-1] + "；{left} 名居民没有。")
        b.finding("evacuation", template, values, evacuation, "emergency.network", None)
        if evacuation.file("OUTPUT"):
            people = [as_float(r.get("people")) or 0.0 for r in geopackage.read(evacuation.file("OUTPUT"))]
            layers.insert(0, LayerSpec(evacuation.file("OUTPUT"), "evacuation_routes", Text("Evacuation route", "疏散路线"), {"people": people}))
        if evacuation.file("OUTPUT_UNREACHED"):
            layers.append(LayerSpec(evacuation.file("OUTPUT_UNREACHED"), "unreached", Text("Residents without a route", "无疏散路线居民")))
        if evacuation.parameter("HAZARD_ZONES"):
            layers.insert(0, LayerSpec(str(evacuation.parameter("HAZARD_ZONES")), "hazard_zones", Text("Hazard zone", "灾害区")))
    if layers:
        run = evacuation or location
        b.section.maps.append(
            MapSpec(
                "emergency.network",
                Text("New shelter sites and evacuation routes", "避难场所选址与疏散路线"),
                layers,
                note(
                    run,
                    Text(
                        "maximal covering location (MCLP); capacitated evacuation routing around hazard zones",
                        "最大覆盖选址模型；考虑容量、绕避灾害区的疏散路径",
                    ),
                ),
                units_source(results)[1] if units_source(results) else None,
            )
        )
    return b.section


# --- stress test ----------------------------------------------------------------------------


def stress(results: Results) -> Section:
    criticality = results.latest("networkcriticality")
    robustness = results.latest("networkrobustness")
    if criticality is None and robustness is None:
        return missing("stress", "tsr:networkcriticality / tsr:networkrobustness")
    b = Builder("stress")
    b.use(criticality, robustness)
    if criticality is not None:
        most = criticality.outputs.get("MOST_CRITICAL_ID")
        elements = geopackage.read(criticality.file("OUTPUT") or "")
        threshold = criticality.number_parameter("THRESHOLD", 0.0) or 0.0
        unit = "min" if str(criticality.parameter("COST", "0")) == "1" else "m"
        top = next((e for e in elements if str(e.get("element_id")) == str(most)), None)
        if most not in (None, "") and top is not None and as_float(top.get("lost_access")) is not None:
            b.finding(
                "most_critical",
                Text(
                    "Losing element {id} ({kind}) would hurt most: {lost} residents would lose access within {threshold}.",
                    "要素 {id}（{kind}）失效影响最大：{lost} 名居民将失去 {threshold} 内的可达性。",
                ),
                [
                    Value("lost", as_float(top["lost_access"]), 0, "", f"lost_access of element {most} in {base(criticality.file('OUTPUT'))}"),
                    Value("threshold", threshold, 0, unit, "THRESHOLD of tsr:networkcriticality"),
                ],
                criticality,
                "stress.map",
                "stress.top",
                id=Text(str(most), str(most)),
                kind=Text(
                    str(top.get("kind") or "element"), {"road": "路段", "facility": "设施"}.get(str(top.get("kind")), str(top.get("kind") or "要素"))
                ),
            )
        lost = criticality.number("SCENARIO_LOST_ACCESS")
        if lost is not None and criticality.parameter("SCENARIO"):
            b.finding(
                "scenario",
                Text(
                    "Under the hazard scenario {lost} residents lose access within {threshold}.",
                    "在灾害情景下，{lost} 名居民失去 {threshold} 内的可达性。",
                ),
                [
                    Value("lost", lost, 0, "", "SCENARIO_LOST_ACCESS returned by tsr:networkcriticality"),
                    Value("threshold", threshold, 0, unit, "THRESHOLD of tsr:networkcriticality"),
                ],
                criticality,
                "stress.map",
                None,
            )
        if elements and "rank" in elements[0]:
            top = sorted((e for e in elements if as_float(e.get("rank")) is not None), key=lambda e: as_float(e["rank"]))[:10]
            columns = [c for c in elements[0] if c not in ("fid", "rank") and (isinstance(elements[0][c], (int, float)) or c.endswith("id"))][:5]
            b.section.tables.append(
                TableSpec(
                    "stress.top",
                    Text("The ten most critical elements", "最关键的十个要素"),
                    [Text("Rank", "排名")] + [Text(c, c) for c in columns],
                    [[e["rank"]] + [e.get(c) for c in columns] for e in top],
                    [0] + [1] * len(columns),
                )
            )
            b.section.maps.append(
                MapSpec(
                    "stress.map",
                    Text("Critical elements of the network", "网络关键要素"),
                    [LayerSpec(criticality.file("OUTPUT"), "critical", Text("Criticality rank", "关键性排名"))],
                    note(criticality, Text("N−1 failure of each element", "逐一失效（N−1）分析")),
                    units_source(results)[1] if units_source(results) else None,
                )
            )
    if robustness is not None and robustness.number("CRITICAL_FRACTION") is not None:
        values = [
            Value("fraction", 100.0 * robustness.number("CRITICAL_FRACTION"), 1, "%", "100 × CRITICAL_FRACTION returned by tsr:networkrobustness")
        ]
        if robustness.number("ROBUSTNESS") is not None:
            values.append(Value("r", robustness.number("ROBUSTNESS"), 3, "", "ROBUSTNESS returned by tsr:networkrobustness"))
        b.finding(
            "threshold",
            Text(
                "The network falls apart (largest component below half of the nodes) after {fraction} of its elements are removed"
                + ("; robustness R = {r}." if len(values) > 1 else "."),
                "移除 {fraction} 的要素后网络解体（最大连通组分不足一半节点）" + ("；鲁棒性 R = {r}。" if len(values) > 1 else "。"),
            ),
            values,
            robustness,
            None,
            None,
        )
    if not b.section.findings:
        return missing("stress", "tsr:networkcriticality / tsr:networkrobustness")
    return b.section


# --- SETS -----------------------------------------------------------------------------------


def sets(results: Results) -> Section:
    run = results.latest("setsindex")
    if run is None or run.file("OUTPUT") is None:
        return missing("sets", "tsr:setsindex")
    b = Builder("sets")
    b.use(run)
    units = geopackage.read(run.file("OUTPUT"))
    file = base(run.file("OUTPUT"))
    b.finding(
        "mean",
        Text(
            "The mean SETS resilience of the {n} units is {mean} (0 least, 1 most resilient).",
            "{n} 个单元的 SETS 韧性指数均值为 {mean}（0 最低，1 最高）。",
        ),
        [
            Value("mean", run.number("MEAN_RESILIENCE") or 0.0, 3, "", "MEAN_RESILIENCE returned by tsr:setsindex"),
            Value("n", len(units), 0, "", f"number of features of {file}"),
        ],
        run,
        "sets.map",
        "sets.units",
    )
    scored = [u for u in units if as_float(u.get("resilience")) is not None]
    if scored:
        low = min(scored, key=lambda u: as_float(u["resilience"]))
        weakest = str(low.get("weakest") or "")
        dimension = DIMENSIONS.get(weakest, Text(weakest, weakest))
        b.finding(
            "lowest",
            Text(
                "{unit} is the least resilient unit ({score}); its weakest dimension is the {dimension} one.",
                "{unit}韧性最低（{score}），短板为{dimension}维度。",
            ),
            [Value("score", as_float(low["resilience"]), 3, "", f"resilience of {name_of(low)} in {file}")],
            run,
            "sets.map",
            "sets.units",
            unit=named(name_of(low)),
            dimension=dimension,
        )
        weak_counts: dict[str, int] = defaultdict(int)
        for u in scored:
            weak_counts[str(u.get("weakest") or "")] += 1
        b.section.tables.append(
            TableSpec(
                "sets.units",
                Text("SETS index by unit", "各单元 SETS 韧性指数"),
                [
                    Text("Unit", "单元"),
                    Text("S", "社会 S"),
                    Text("E", "生态 E"),
                    Text("T", "技术 T"),
                    Text("Resilience", "韧性"),
                    Text("Weakest", "短板"),
                ],
                [
                    [
                        name_of(u),
                        as_float(u.get("S_index")),
                        as_float(u.get("E_index")),
                        as_float(u.get("T_index")),
                        as_float(u["resilience"]),
                        u.get("weakest") or "",
                    ]
                    for u in sorted(scored, key=lambda u: as_float(u["resilience"]))
                ],
                [0, 3, 3, 3, 3, 0],
            )
        )
    b.section.maps.append(
        MapSpec(
            "sets.map",
            Text("SETS resilience of the planning units", "规划单元 SETS 韧性等级"),
            [LayerSpec(run.file("OUTPUT"), "sets_grades", Text("Resilience grade", "韧性等级"))],
            note(run, Text("social–ecological–technological indicators, entropy or given weights", "社会—生态—技术指标体系，熵权或给定权重")),
        )
    )
    return b.section


BUILDERS: dict[str, Callable[[Results], Section]] = {
    "study_area": study_area,
    "risk": risk,
    "control_lines": control_lines,
    "suitability": suitability,
    "scenarios": scenarios,
    "ecology": ecology,
    "emergency": emergency,
    "stress": stress,
    "sets": sets,
}
