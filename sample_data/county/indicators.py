"""SETS (social, ecological, technological) resilience indicators of every township."""

import math

import numpy as np

from .landcover import BUILT_UP, FOREST
from .names import COUNTY_CODE
from .towns import COUNTY_SEAT, find_town

ROAD_WIDTH = 8.0  # m of paved surface per metre of road
DRAINAGE_YEARS = {"county seat": 3, "valley town": 2, "mountain township": 1}


def _road_km(roads, geom):
    """Length (km) of the roads inside geom."""
    return sum(g.intersection(geom).length for g, _ in roads if geom.intersects(g)) / 1000.0


def _summed(rows, field, code):
    """Sum of `field` over the facility rows of township `code`."""
    return sum(a[field] for _, a in rows if a["township_code"] == code)


def _social(rng, t, seat, tpop, area_km2, seat_share, beds, zmean):
    """Density (persons/km²); GDP per capita 36 000 + 55 000·s^1.5 (×0.7 outside the county
    seat) − 900 per km from the county seat + N(0, 2 000) yuan, s = share of the township's
    people living in its seat; doctors per 1 000 from 0.42 per bed + 0.6 per 1 000 people;
    elderly share 12 + 9·clip((z̄ − 100 m)/500 m) + 3·(1 − s) + N(0, 0.6) %: the hills are
    older."""
    d_seat_km = math.dist(t.c, seat.c) / 1000.0
    gdp = 36000.0 + 55000.0 * seat_share**1.5 * (1.0 if t is seat else 0.7) - 900.0 * d_seat_km + rng.normal(0.0, 2000.0)
    doctors = (0.42 * beds + 0.6 * tpop / 1000.0) / tpop * 1000.0
    elderly = 12.0 + 9.0 * np.clip((zmean - 100.0) / 500.0, 0.0, 1.0) + 3.0 * (1.0 - seat_share) + rng.normal(0.0, 0.6)
    return {
        "pop_density": round(tpop / area_km2, 1),
        "gdp_per_capita": float(100 * int(round(gdp / 100.0))),
        "doctors_per_1000": round(doctors, 2),
        "elderly_share": round(float(elderly), 1),
    }


def _ecological(lc, geom, red_union, road_km):
    """Forest cover (% of cells), red-line share (% of area) and impervious share
    (%, 0.8 × built-up share of cells + roads at ROAD_WIDTH); lc: land cover of the cells."""
    impervious = 100.0 * (0.8 * float((lc == BUILT_UP).mean()) + (road_km * 1000.0 * ROAD_WIDTH) / geom.area)
    return {
        "forest_cover": round(100.0 * float((lc == FOREST).mean()), 1),
        "ecol_red_line_share": round(100.0 * red_union.intersection(geom).area / geom.area, 1),
        "impervious_share": round(impervious, 1),
    }


def _technological(t, seat, tpop, area_km2, road_km, shelter_m2, beds):
    """Road density (km/km²), shelter area per person (m²), drainage design return period
    (years) and hospital beds per 1 000."""
    drainage = DRAINAGE_YEARS["county seat" if t is seat else "valley town" if t.valley else "mountain township"]
    return {
        "road_density": round(road_km / area_km2, 3),
        "shelter_area_per_capita": round(shelter_m2 / tpop, 3),
        "drainage_capacity_years": drainage,
        "hospital_beds_per_1000": round(beds / tpop * 1000.0, 2),
    }


def township_rows(rng, towns, townships, labels, pop, landcover, terrain, roads, red_union, hospitals, shelters):
    """Features of the `townships` layer: area, population (zonal sum of the raster over the
    township's cells) and the social, ecological and technological indicators."""
    seat = find_town(towns, COUNTY_SEAT)
    rows = []
    for k, t in enumerate(towns):
        geom = townships.polygons[t.key]
        sel = labels == k + 1
        area_km2 = geom.area / 1e6
        tpop = float(pop[sel].sum())
        seat_share = min(1.0, t.pop / max(tpop, 1.0))
        road_km = _road_km(roads, geom)
        beds = _summed(hospitals, "beds", t.code)
        attrs = {
            "code": t.code,
            "name": t.name,
            "parent_code": COUNTY_CODE,
            "seat": t.name,
            "area_km2": round(area_km2, 3),
            "population": int(round(tpop)),
        }
        attrs.update(_social(rng, t, seat, tpop, area_km2, seat_share, beds, float(terrain.dem[sel].mean())))
        attrs.update(_ecological(landcover.classes[sel], geom, red_union, road_km))
        attrs.update(_technological(t, seat, tpop, area_km2, road_km, _summed(shelters, "effective_area_m2", t.code), beds))
        rows.append((geom, attrs))
    return rows
