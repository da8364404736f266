"""Existing emergency facilities: shelters (GB 50413-2007) and hospitals.

Facilities stand at the representative point of a residential block; each block holds one
facility at most (`taken` collects the block ids in use, shared with the candidate sites).
"""

import math

from shapely.geometry import Point

from .towns import COUNTY_SEAT, find_town

# effective shelter area per person (m²), GB 50413-2007
SHELTER_STANDARD_M2 = {"emergency": 1.0, "fixed": 2.0, "central": 2.0}

# (fixed, emergency) shelters in the other township seats
_TOWN_SHELTERS = {"heping": (1, 2), "dongping": (1, 1), "baishi": (0, 1), "nanshan": (0, 1), "longquan": (0, 1), "songlin": (0, 1)}
# bed range of the township health centres
_HEALTH_CENTRE_BEDS = {"heping": (70, 90), "dongping": (55, 75), "baishi": (40, 55), "nanshan": (25, 40), "longquan": (25, 40), "songlin": (15, 25)}
_CENTRAL_TOWNS = ("heping", "dongping")  # with a central health centre


def town_blocks(blocks, towns):
    """{town key: its blocks}."""
    return {t.key: [b for b in blocks if b.town == t.key] for t in towns}


def old_town(blocks):
    """Blocks of the county seat north of the river (not the Nanhu new district)."""
    return [b for b in blocks if b.town == COUNTY_SEAT and not b.south]


def _spread(blocks, k, start_xy):
    """k blocks spread over the town: the one nearest start_xy, then repeatedly the block
    farthest from those chosen. Only dry blocks are used if there are k of them, as existing
    facilities were sited out of the design flood where the town allows it."""
    if not blocks:
        return []
    dry = [b for b in blocks if b.dry]
    if len(dry) >= k:
        blocks = dry
    blocks = sorted(blocks, key=lambda b: b.block_id)
    chosen = [min(blocks, key=lambda b: math.dist((b.point.x, b.point.y), start_xy))]
    while len(chosen) < min(k, len(blocks)):
        chosen.append(max((b for b in blocks if b not in chosen), key=lambda b: min(b.point.distance(c.point) for c in chosen)))
    return chosen


class _Shelters:
    """Feature rows of shelters; effective areas are rounded to 2 m² and capacity =
    area / SHELTER_STANDARD_M2."""

    def __init__(self, taken):
        self.rows = []
        self.taken = taken

    def add(self, b, name, typ, area):
        """Shelter `name` of type `typ` with `area` m² in block b."""
        area = float(2 * int(round(area / 2.0)))
        self.rows.append(
            (
                b.point,
                {
                    "shelter_id": len(self.rows) + 1,
                    "name": name,
                    "type": typ,
                    "effective_area_m2": area,
                    "capacity_persons": int(area / SHELTER_STANDARD_M2[typ]),
                    "township_code": b.township.code,
                },
            )
        )
        self.taken.add(b.block_id)


def _in_county_seat(rng, shelters, blocks, seat, rivers):
    """Old town only (the new district has none): Binjiang Park by the river (fixed,
    26 000–32 000 m²), then two fixed (14 000–26 000 m²) and six emergency shelters
    (2 400–8 000 m²) spread over the town."""
    old = old_town(blocks)
    riverside = min(old, key=lambda b: b.geom.distance(rivers.main))
    shelters.add(riverside, "Binjiang Park 滨江公园", "fixed", rng.uniform(26000, 32000))
    picks = _spread([b for b in old if b.block_id != riverside.block_id], 8, seat.c)
    fixed_names = ["Renmin Square 人民广场", "County No.1 Middle School 县第一中学"]
    emergency_names = [
        "Chengguan No.1 Primary School 城关第一小学",
        "Wenhua Park 文化公园",
        "Chengguan No.2 Primary School 城关第二小学",
        "Xinhua Street Garden 新华街游园",
        "County Stadium Plaza 县体育场广场",
        "Binhe Greenway Plaza 滨河绿道广场",
    ]
    for i, b in enumerate(picks):
        if i < 2:
            shelters.add(b, fixed_names[i], "fixed", rng.uniform(14000, 26000))
        else:
            shelters.add(b, emergency_names[i - 2], "emergency", rng.uniform(2400, 8000))


def _in_townships(rng, shelters, blocks, towns):
    """_TOWN_SHELTERS in the other seats: a middle school (fixed, 10 500–15 000 m²), then a
    primary school and a town square (emergency, 2 100–5 000 m²)."""
    by_town = town_blocks(blocks, towns)
    for key, (n_fixed, n_emergency) in _TOWN_SHELTERS.items():
        t = find_town(towns, key)
        for i, b in enumerate(_spread(by_town[key], n_fixed + n_emergency, t.c)):
            if i < n_fixed:
                shelters.add(b, f"{t.py} Middle School {t.cn[:-1]}中学", "fixed", rng.uniform(10500, 15000))
            else:
                name = f"{t.py} Primary School {t.cn[:-1]}小学" if i == n_fixed else f"{t.py} Town Square {t.cn[:-1]}广场"
                shelters.add(b, name, "emergency", rng.uniform(2100, 5000))


def site_shelters(rng, blocks, towns, rivers, taken):
    """Features of the `shelters` layer: county seat, township seats, and a village square
    (emergency, 2 000–2 800 m²) in the two most populous villages; most villages have none."""
    shelters = _Shelters(taken)
    seat = find_town(towns, COUNTY_SEAT)
    _in_county_seat(rng, shelters, blocks, seat, rivers)
    _in_townships(rng, shelters, blocks, towns)
    villages = [b for b in blocks if b.kind == "village"]
    for b in sorted(villages, key=lambda b: -b.pop)[:2]:
        shelters.add(b, f"{b.settlement} square 村广场", "emergency", rng.uniform(2000, 2800))
    return shelters.rows


def site_hospitals(rng, blocks, towns, taken):
    """Features of the `hospitals` layer.

    The county People's Hospital (II-A, 480–559 beds) in the free old-town block nearest the
    seat and the TCM hospital (II-B, 150–209 beds) in the seventh nearest; one health centre
    per other seat in its nearest free block (beds _HEALTH_CENTRE_BEDS). Dry blocks first.
    """

    def free_by_distance(candidates, c):
        """Free blocks of candidates, dry first, then by distance from c."""
        return sorted([b for b in candidates if b.block_id not in taken], key=lambda b: (not b.dry, b.point.distance(Point(c))))

    by_town = town_blocks(blocks, towns)
    seat = find_town(towns, COUNTY_SEAT)
    central = free_by_distance(old_town(blocks), seat.c)
    spec = [
        (central[0], "County People's Hospital 县人民医院", "II-A 二级甲等", int(rng.integers(480, 560))),
        (central[min(6, len(central) - 1)], "County TCM Hospital 县中医医院", "II-B 二级乙等", int(rng.integers(150, 210))),
    ]
    for key, (lo, hi) in _HEALTH_CENTRE_BEDS.items():
        t = find_town(towns, key)
        if key in _CENTRAL_TOWNS:
            level, name = "I-A 一级甲等", f"{t.py} Central Health Centre {t.cn}中心卫生院"
        else:
            level, name = "I 一级", f"{t.py} Health Centre {t.cn}卫生院"
        spec.append((free_by_distance(by_town[key], t.c)[0], name, level, int(rng.integers(lo, hi))))
    rows = []
    for k, (b, name, level, beds) in enumerate(spec, start=1):
        taken.add(b.block_id)
        rows.append((b.point, {"hospital_id": k, "name": name, "level": level, "beds": beds, "township_code": b.township.code}))
    return rows
