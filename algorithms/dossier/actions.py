"""Actions: proposals derived by rules from the findings and the planning standards of
DOMAIN.md, each naming the department that usually acts. They are proposals for the planner to
review, not decisions; each names the rule that made it and the findings it rests on."""

from __future__ import annotations

from typing import Callable

from .model import Action, Finding, Section
from .text import Text


def _by_key(section: Section) -> dict[str, Finding]:
    return {f.key.split(".", 1)[1]: f for f in section.findings}


def _action(section: Section, key: str, department: str, text: Text, rule: Text, *findings: Finding) -> None:
    section.actions.append(Action(f"{section.key}.{key}", section.key, department, text, rule, [f.key for f in findings]))


def risk(section: Section) -> None:
    f = _by_key(section)
    top = f.get("highest_grades")
    if top and top.value("area").value > 0:
        _action(
            section,
            "monitor",
            "emergency",
            Text(
                f"Put the {top.value('area').shown('en')} of the two highest risk grades under hazard monitoring and early warning, "
                f"and keep their emergency plans up to date.",
                f"对两个最高风险等级的 {top.value('area').shown('zh')} 区域开展灾害监测预警，并及时修订应急预案。",
            ),
            Text("area in the two highest grades > 0 (Sendai Framework: manage disaster risk)", "两个最高风险等级面积 > 0（仙台框架：管理灾害风险）"),
            top,
        )
    worst = f.get("worst_unit")
    if worst:
        unit = worst.words["unit"]
        _action(
            section,
            "retrofit",
            "housing",
            Text(
                f"Survey the buildings and lifelines of {unit.en} ({worst.value('area').shown('en')} in the two highest grades) for retrofitting.",
                f"对{unit.zh}（两个最高风险等级面积 {worst.value('area').shown('zh')}）的建筑与生命线工程开展排查和加固。",
            ),
            Text("the unit with the largest high-risk area", "高风险面积最大的单元"),
            worst,
        )


def control_lines(section: Section) -> None:
    f = _by_key(section)
    lines = f.get("lines")
    if lines and lines.value("area").value > 0:
        _action(
            section,
            "master_plan",
            "natural_resources",
            Text(
                f"Enter the {lines.value('length').shown('en')} of risk control lines into the master plan and allow no new urban construction land in the "  # noqa: E501 (Chinese text)
                f"{lines.value('area').shown('en')} they enclose.",
                f"将 {lines.value('length').shown('zh')} 风险控制线纳入国土空间总体规划，其围合的 {lines.value('area').shown('zh')} 范围内不再新增城镇建设用地。",  # noqa: E501 (Chinese text)
            ),
            Text(
                "controlled area > 0 → risk control lines in the master plan (planning guidelines)",
                "管控面积 > 0 → 风险控制线纳入总体规划（规划编制指南）",
            ),
            lines,
        )


def suitability(section: Section) -> None:
    f = _by_key(section)
    robust, ahp = f.get("robust"), f.get("ahp")
    if robust:
        _action(
            section,
            "boundary",
            "natural_resources",
            Text(
                f"Draw the urban development boundary first within the {robust.value('robust').shown('en')} of robustly suitable land; keep the "
                f"{robust.value('uncertain').shown('en')} of uncertain land as reserved (留白) land until the weights are settled.",
                f"城镇开发边界优先在 {robust.value('robust').shown('zh')} 稳健适宜区内划定；{robust.value('uncertain').shown('zh')} 不确定区作为留白用地，待权重确定后再安排。",  # noqa: E501 (Chinese text)
            ),
            Text("robust (p ≥ 0.9) vs uncertain (0.1–0.5) suitability", "稳健适宜（p ≥ 0.9）与不确定（0.1–0.5）"),
            robust,
        )
    if ahp and ahp.value("cr").value > ahp.value("limit").value:
        _action(
            section,
            "judgements",
            "natural_resources",
            Text(
                "Revise the pairwise judgements before using the weights: CR is above the limit.",
                "一致性比率超过阈值：使用权重前应修正两两比较判断。",
            ),
            Text("CR > 0.10 (Saaty)", "CR > 0.10（Saaty）"),
            ahp,
        )


def scenarios(section: Section) -> None:
    f = _by_key(section)
    front = f.get("front")
    if front:
        knee = front.value("knee").shown("en")
        _action(
            section,
            "scenario",
            "natural_resources",
            Text(
                f"Use scenario {knee} (the compromise) as the starting point of the land-use layout and discuss the trade-offs with the other scenarios of the front.",  # noqa: E501 (Chinese text)
                f"以情景 {knee}（折中解）作为用地布局的起点，并结合前沿上其他情景讨论各目标间的权衡。",
            ),
            Text("knee of the Pareto front", "帕累托前沿拐点"),
            *[x for x in (front, f.get("knee")) if x],
        )


def ecology(section: Section) -> None:
    f = _by_key(section)
    conflicts, corridors = f.get("conflicts"), f.get("corridors")
    if conflicts and conflicts.value("n").value > 0:
        n = conflicts.value("n").shown("en")
        _action(
            section,
            "passages",
            "transport",
            Text(
                f"Plan wildlife passages (under- or overpasses) at the {n} places where corridors cross roads, with the ecology and environment department.",  # noqa: E501 (Chinese text)
                f"在生态廊道与道路交叉的 {conflicts.value('n').shown('zh')} 处规划动物通道（下穿或上跨），与生态环境部门协同。",
            ),
            Text("corridor–road crossings > 0", "廊道—道路冲突点 > 0"),
            conflicts,
        )
    if corridors and corridors.value("important").value > 0:
        _action(
            section,
            "protect",
            "environment",
            Text(
                f"Protect the {corridors.value('important').shown('en')} important corridors as ecological corridors in the ecological protection system.",  # noqa: E501 (Chinese text)
                f"将 {corridors.value('important').shown('zh')} 条重要廊道纳入生态保护体系，作为生态廊道加以保护。",
            ),
            Text("important corridors (gravity model)", "重要廊道（引力模型）"),
            corridors,
        )


def emergency(section: Section) -> None:
    f = _by_key(section)
    coverage, shortfall, sites, evacuation = f.get("shelter_coverage"), f.get("shortfall"), f.get("new_sites"), f.get("evacuation")
    if coverage and shortfall and coverage.value("pct").value < 100.0:
        unit = shortfall.words["unit"]
        _action(
            section,
            "shelters",
            "emergency",
            Text(
                f"Add emergency shelter space for the {shortfall.value('people').shown('en')} residents beyond {shortfall.value('reach').shown('en')}, first in {unit.en} "  # noqa: E501 (Chinese text)
                f"({shortfall.value('worst').shown('en')}): at least 1 m² of effective area per person within 500 m (GB 50413-2007).",
                f"为 {shortfall.value('people').shown('zh')} 名服务范围外居民补充紧急避难场所，优先{unit.zh}（{shortfall.value('worst').shown('zh')} 人）："  # noqa: E501 (Chinese text)
                f"500 米范围内人均有效避难面积不小于 1 平方米（GB 50413-2007）。",
            ),
            Text("coverage < 100 % of GB 50413-2007 §8.2", "覆盖率低于 GB 50413-2007 第 8.2 节要求的 100%"),
            coverage,
            shortfall,
        )
    if sites:
        _action(
            section,
            "reserve_sites",
            "natural_resources",
            Text(
                f"Reserve the {sites.value('p').shown('en')} sites chosen by MCLP ({sites.words['sites'].en}) as emergency land in the plan.",
                f"在规划中将 MCLP 选出的 {sites.value('p').shown('zh')} 处用地（{sites.words['sites'].zh}）预留为应急避难用地。",
            ),
            Text("new sites raise coverage (MCLP)", "新增选址提高覆盖率（MCLP）"),
            sites,
        )
    if evacuation and evacuation.value("pct").value < 100.0:
        _action(
            section,
            "evacuation",
            "housing",
            Text(
                "Open safe evacuation routes and shelter capacity for the residents without one: widen or connect streets around the hazard zones.",
                "为无安全疏散路线的居民打通疏散通道、补充避难容量：拓宽或连通灾害区周边道路。",
            ),
            Text("evacuated share < 100 %", "可疏散人口比例 < 100%"),
            evacuation,
        )


def stress(section: Section) -> None:
    f = _by_key(section)
    most = f.get("most_critical")
    if most:
        element = most.words["id"]
        _action(
            section,
            "reinforce",
            "transport",
            Text(
                f"Reinforce element {element.en} (its loss cuts {most.value('lost').shown('en')} residents off) and the next most critical elements, "
                f"bridges first, or give them a parallel route.",
                f"加固要素 {element.zh}（其失效使 {most.value('lost').shown('zh')} 名居民失去可达性）及其后几处最关键要素，优先桥梁，或为其建设平行冗余通道。",  # noqa: E501 (Chinese text)
            ),
            Text("highest criticality (N−1)", "关键性最高（N−1）"),
            most,
        )


#: The department that usually acts on each SETS dimension.
DIMENSION_DEPARTMENT = {"S": "housing", "E": "environment", "T": "transport"}


def sets(section: Section) -> None:
    f = _by_key(section)
    low = f.get("lowest")
    if low:
        unit, dimension = low.words["unit"], low.words["dimension"]
        weakest = next((k for k, v in (("S", "social"), ("E", "ecological"), ("T", "technological")) if v == dimension.en), "S")
        _action(
            section,
            "weakest",
            DIMENSION_DEPARTMENT[weakest],
            Text(
                f"Strengthen the {dimension.en} dimension of {unit.en} first (its weakest dimension).",
                f"优先补齐{unit.zh}的{dimension.zh}短板。",
            ),
            Text("least resilient unit and its weakest dimension (短板)", "韧性最低单元及其短板维度"),
            low,
        )


RULES: dict[str, Callable[[Section], None]] = {
    "risk": risk,
    "control_lines": control_lines,
    "suitability": suitability,
    "scenarios": scenarios,
    "ecology": ecology,
    "emergency": emergency,
    "stress": stress,
    "sets": sets,
}


def propose(section: Section) -> None:
    rule = RULES.get(section.key)
    if rule is not None and section.findings:
        rule(section)
