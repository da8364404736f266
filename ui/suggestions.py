"""First guesses from layer and field names, which the user confirms or changes: the SETS
component of a layer, the emergency category and onset of a hazard, how a hazard becomes a 0–1
degree, and whether a raster is a benefit or a cost criterion of suitability.

The normalisation presets are planning practice: flood depth classes of China's flood-risk
mapping (SL 483-2017: 0.5 / 1 / 2 / 3 m), peak ground acceleration from 0.05 g (intensity VI) to
0.40 g (intensity IX) of GB 18306-2015, heat stress from 30 °C to 40 °C of land surface
temperature, and a return period as an annual exceedance probability.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# tsr:normalizehazard METHOD indices
MIN_MAX, PERCENTILE, FUZZY_LINEAR, FUZZY_SIGMOID, TABLE, RETURN_PERIOD = 0, 1, 2, 3, 5, 6
FLOOD_DEPTH_TABLE = ",0.05,0, 0.05,0.5,0.2, 0.5,1,0.4, 1,2,0.6, 2,3,0.8, 3,,1"

# SETS components and hazard attributes, as stored in the inventory
NONE, SOCIAL, ECOLOGICAL, TECHNOLOGICAL, HAZARD = "", "S", "E", "T", "H"
NATURAL, ACCIDENT, PUBLIC_HEALTH, SOCIAL_SECURITY = "natural", "accident", "public_health", "social_security"
PULSE, SLOW = "pulse", "slow"


@dataclass(frozen=True)
class HazardRule:
    kind: str
    words: tuple[str, ...]
    category: str
    onset: str
    method: int = MIN_MAX
    lower: float | None = None
    upper: float | None = None
    table: str = ""


HAZARD_RULES = (
    HazardRule("return_period", ("return_period", "重现期"), NATURAL, PULSE, RETURN_PERIOD),
    HazardRule("flood", ("flood", "inundat", "waterlog", "rainstorm", "洪", "涝", "暴雨"), NATURAL, PULSE, TABLE, table=FLOOD_DEPTH_TABLE),
    HazardRule(
        "landslide", ("landslide", "debris", "rockfall", "collapse", "geohazard", "滑坡", "泥石流", "崩塌", "地质灾害"), NATURAL, PULSE, MIN_MAX
    ),
    HazardRule("seismic", ("seismic", "earthquake", "pga", "fault", "地震", "断裂"), NATURAL, PULSE, FUZZY_LINEAR, 0.05, 0.40),
    HazardRule("typhoon", ("typhoon", "cyclone", "wind", "台风", "大风"), NATURAL, PULSE, MIN_MAX),
    HazardRule("heat", ("heat", "lst", "temperature", "高温", "热浪", "地表温度"), NATURAL, SLOW, FUZZY_SIGMOID, 30.0, 40.0),
    HazardRule("drought", ("drought", "干旱"), NATURAL, SLOW, MIN_MAX),
    HazardRule(
        "chemical", ("chemical", "hazmat", "explosi", "toxic", "leak", "危化", "化工", "爆炸", "泄漏"), ACCIDENT, PULSE, FUZZY_LINEAR, 0.0, 1.0
    ),
    HazardRule("fire", ("fire", "火灾"), ACCIDENT, PULSE, MIN_MAX),
    HazardRule("pollution", ("pollution", "pm2", "contamina", "污染"), ACCIDENT, SLOW, MIN_MAX),
    HazardRule("epidemic", ("epidemic", "disease", "infect", "pandemic", "疫", "传染"), PUBLIC_HEALTH, PULSE, MIN_MAX),
    HazardRule("security", ("crime", "riot", "terror", "security", "治安", "恐怖", "群体性"), SOCIAL_SECURITY, PULSE, MIN_MAX),
)

COMPONENT_WORDS = (
    (
        ECOLOGICAL,
        (
            "red_line",
            "redline",
            "ecolog",
            "forest",
            "wetland",
            "river",
            "lake",
            "water_body",
            "farmland",
            "landcover",
            "land_cover",
            "dem",
            "elevation",
            "slope",
            "hand",
            "soil",
            "ndvi",
            "green",
            "生态",
            "林",
            "湿地",
            "河",
            "湖",
            "耕地",
            "农田",
            "地形",
            "高程",
            "坡度",
        ),
    ),
    (
        TECHNOLOGICAL,
        (
            "road",
            "street",
            "shelter",
            "hospital",
            "clinic",
            "drain",
            "pipe",
            "power",
            "grid",
            "candidate",
            "facility",
            "facilities",
            "station",
            "道路",
            "避难",
            "医院",
            "排水",
            "管网",
            "电力",
            "设施",
            "备选",
        ),
    ),
    (
        SOCIAL,
        (
            "population",
            "township",
            "resident",
            "block",
            "settlement",
            "village",
            "school",
            "community",
            "census",
            "人口",
            "乡镇",
            "街区",
            "居住",
            "村",
            "社区",
            "学校",
        ),
    ),
)

INDICATOR_WORDS = (
    (
        SOCIAL,
        (
            "pop_density",
            "population_density",
            "gdp",
            "income",
            "doctor",
            "elder",
            "aged",
            "education",
            "school",
            "employ",
            "poverty",
            "人口密度",
            "人均",
            "医生",
            "老龄",
            "教育",
            "就业",
            "贫困",
        ),
    ),
    (
        ECOLOGICAL,
        ("forest", "green", "red_line", "ecol", "imperv", "wetland", "vegetation", "ndvi", "ec_pc", "森林", "绿", "生态", "不透水", "湿地", "植被"),
    ),
    (
        TECHNOLOGICAL,
        ("road", "shelter", "drain", "hospital", "bed", "pipe", "power", "water_supply", "道路", "避难", "排水", "医院", "床位", "管网", "供水"),
    ),
)
NEGATIVE_WORDS = ("elder", "aged", "imperv", "poverty", "unemploy", "vacan", "老龄", "不透水", "贫困", "失业")
#: Fields that describe a unit rather than measure its resilience.
NOT_INDICATORS = (
    "fid",
    "id",
    "code",
    "name",
    "parent",
    "seat",
    "area",
    "population",
    "pop",
    "level",
    "rank",
    "grade",
    "名称",
    "代码",
    "面积",
    "人口",
)

CRITERION_WORDS = (
    ("-", ("slope", "dem", "elevation", "risk", "hazard", "index", "坡度", "高程", "风险")),
    ("+", ("population", "access", "人口", "可达")),
)


def _matches(name: str, words) -> bool:
    """Whether one of `words` occurs in `name`: short Latin words (≤ 4 letters, like "dem" or
    "road") as a whole word or its plural, longer ones and Chinese ones anywhere."""
    text = name.lower()
    tokens = set(re.split(r"[^a-z0-9]+", text))
    return any((w in tokens or w + "s" in tokens) if w.isascii() and len(w) <= 4 else w in text for w in words)


def hazard_rule(name: str) -> HazardRule | None:
    """The first hazard rule whose words occur in `name`."""
    return next((rule for rule in HAZARD_RULES if _matches(name, rule.words)), None)


def layer_component(name: str) -> str:
    """HAZARD, a SETS component, or NONE."""
    if hazard_rule(name) is not None:
        return HAZARD
    return next((component for component, words in COMPONENT_WORDS if _matches(name, words)), NONE)


def indicator(name: str) -> tuple[str, bool]:
    """(component, higher is worse) of a numeric field of the planning units."""
    lower = name.lower()
    if lower in NOT_INDICATORS or any(lower == w or lower.startswith(w + "_") and "density" not in lower for w in NOT_INDICATORS):
        return NONE, False
    component = next((c for c, words in INDICATOR_WORDS if _matches(name, words)), NONE)
    return component, component != NONE and _matches(name, NEGATIVE_WORDS)


def criterion_direction(name: str) -> str | None:
    """ "+" (benefit) or "-" (cost) for a raster that is a usual suitability criterion."""
    return next((direction for direction, words in CRITERION_WORDS if _matches(name, words)), None)
