"""What a dossier is made of: sections with findings, actions, maps and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .records import Run
from .text import Text, shown

#: Section keys in the order of the SECTIONS parameter (public contract).
SECTIONS = ("study_area", "risk", "control_lines", "suitability", "scenarios", "ecology", "emergency", "stress", "sets")
SECTION_TITLES = {
    "study_area": Text("Study area", "研究区概况"),
    "risk": Text("Multi-hazard risk", "多灾种综合风险"),
    "control_lines": Text("Risk control lines", "风险控制线"),
    "suitability": Text("Suitability under uncertainty", "不确定性下的建设适宜性"),
    "scenarios": Text("Land-use scenarios", "国土空间用地情景"),
    "ecology": Text("Ecological security pattern", "生态安全格局"),
    "emergency": Text("Emergency network", "社区应急空间网络"),
    "stress": Text("Stress test of the infrastructure network", "基础设施网络压力测试"),
    "sets": Text("SETS resilience index", "SETS 韧性指数"),
}

#: The departments that usually act on a proposal.
DEPARTMENTS = {
    "natural_resources": Text("Natural resources (自然资源)", "自然资源部门"),
    "emergency": Text("Emergency management (应急管理)", "应急管理部门"),
    "housing": Text("Housing and urban-rural development (住建)", "住房和城乡建设部门"),
    "transport": Text("Transport (交通)", "交通运输部门"),
    "environment": Text("Ecology and environment (生态环境)", "生态环境部门"),
}


@dataclass(frozen=True)
class Value:
    """A number of a finding: its value as the output holds it, how it is shown, and where it comes from."""

    name: str
    value: float
    decimals: int
    unit: str
    source: str

    def shown(self, language: str) -> str:
        return shown(self.value, self.decimals, language, self.unit)


@dataclass
class Finding:
    key: str
    section: str
    template: Text
    values: list[Value]
    words: dict[str, Text] = field(default_factory=dict)
    map: str | None = None
    table: str | None = None
    run: Run | None = None

    def value(self, name: str) -> Value:
        return next(v for v in self.values if v.name == name)

    def text(self, language: str) -> str:
        filled = {v.name: v.shown(language) for v in self.values}
        filled.update({k: w(language) for k, w in self.words.items()})
        return self.template(language).format(**filled)


@dataclass
class Action:
    key: str
    section: str
    department: str
    text: Text
    rule: Text
    findings: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "section": self.section,
            "department": {"key": self.department, "zh": DEPARTMENTS[self.department].zh, "en": DEPARTMENTS[self.department].en},
            "proposal": {"zh": self.text.zh, "en": self.text.en},
            "rule": {"zh": self.rule.zh, "en": self.rule.en},
            "findings": self.findings,
        }


@dataclass
class LayerSpec:
    """A layer of a map: a file (or gpkg|layername=…), a style name the atlas knows, options."""

    source: str
    style: str
    label: Text
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class MapSpec:
    key: str
    title: Text
    layers: list[LayerSpec]
    note: Text
    extent: str | None = None


@dataclass
class TableSpec:
    key: str
    title: Text
    headers: list[Text]
    rows: list[list[Any]]
    decimals: list[int] = field(default_factory=list)

    def cell(self, row: int, column: int, language: str) -> str:
        value = self.rows[row][column]
        if isinstance(value, Text):
            return value(language)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            decimals = self.decimals[column] if column < len(self.decimals) else 1
            return shown(float(value), decimals, language)
        return "" if value is None else str(value)


@dataclass
class Section:
    key: str
    findings: list[Finding] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    maps: list[MapSpec] = field(default_factory=list)
    tables: list[TableSpec] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    note: Text | None = None

    @property
    def title(self) -> Text:
        return SECTION_TITLES[self.key]

    @property
    def skipped(self) -> bool:
        return not self.findings
