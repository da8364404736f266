"""Tests of the synthetic sample county generator (sample_data/generate_sample_county.py).

The county is generated once per module into a temporary directory (plus one more run with
the same seed and one with another seed for the determinism tests).  No QGIS import.
"""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
import rasterio
import shapely.wkb as shapely_wkb
from osgeo import ogr
from rasterio import features
from shapely.geometry import LineString, Point
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "sample_data" / "generate_sample_county.py"

SEED = 2020
OTHER_SEED = 7


def _load_generator():
    spec = importlib.util.spec_from_file_location("generate_sample_county", GENERATOR)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gen = _load_generator()


# ------------------------------------------------------------------------------------------
# fixtures and helpers
# ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def county(tmp_path_factory):
    out = tmp_path_factory.mktemp("county_a")
    return gen.generate(str(out), seed=SEED)


@pytest.fixture(scope="module")
def county_again(tmp_path_factory):
    out = tmp_path_factory.mktemp("county_b")
    return gen.generate(str(out), seed=SEED)


@pytest.fixture(scope="module")
def county_other(tmp_path_factory):
    # another seed, on a 60 m grid to keep the test fast (also exercises the cell parameter)
    out = tmp_path_factory.mktemp("county_c")
    return gen.generate(str(out), seed=OTHER_SEED, cell=60.0)


def read_raster(paths, name):
    with rasterio.open(paths[name]) as src:
        return src.read(1, masked=True)


def read_layer(paths, name):
    """[(shapely geometry, attribute dict)] of a GeoPackage layer."""
    ds = ogr.Open(paths["sample_county"])
    lyr = ds.GetLayerByName(name)
    assert lyr is not None, name
    rows = []
    lyr.ResetReading()
    feat = lyr.GetNextFeature()
    while feat is not None:
        geom = shapely_wkb.loads(bytes(feat.GetGeometryRef().ExportToWkb()))
        rows.append((geom, feat.items()))
        feat = lyr.GetNextFeature()
    return rows


@pytest.fixture(scope="module")
def layers(county):
    return {name: read_layer(county, name) for name in gen.LAYERS}


@pytest.fixture(scope="module")
def rasters(county):
    return {name: read_raster(county, name) for name in gen.RASTERS}


@pytest.fixture(scope="module")
def grid(county):
    with rasterio.open(county["dem"]) as src:
        return {"transform": src.transform, "shape": (src.height, src.width)}


def sample_at(paths, name, xs, ys):
    with rasterio.open(paths[name]) as src:
        vals = np.array([v[0] for v in src.sample(list(zip(xs, ys)))], dtype=float)
        nodata = src.nodata
    return np.where(vals == nodata, np.nan, vals)


def cell_centres(transform, rows, cols):
    return (transform.c + (cols + 0.5) * transform.a, transform.f + (rows + 0.5) * transform.e)


def county_geom(layers):
    return layers["county"][0][0]


# ------------------------------------------------------------------------------------------
# files, grid, CRS
# ------------------------------------------------------------------------------------------
def test_all_files_written(county):
    for name in gen.RASTERS:
        assert Path(county[name]).is_file() and county[name].endswith(f"{name}.tif")
    assert Path(county["sample_county"]).name == "sample_county.gpkg"
    meta = json.loads(Path(county["metadata"]).read_text(encoding="utf-8"))
    assert meta["synthetic"] is True and meta["seed"] == SEED and meta["epsg"] == 4547
    assert (ROOT / "sample_data" / "README.md").is_file()


def test_rasters_share_grid_crs_nodata_and_units(county):
    ref = None
    for name in gen.RASTERS:
        with rasterio.open(county[name]) as src:
            assert src.crs.to_epsg() == 4547, name
            assert src.res == (30.0, 30.0)
            assert (src.width, src.height) == (667, 667)
            assert src.nodata == -9999
            assert src.block_shapes[0] == (256, 256)
            assert src.compression.name.lower() == "deflate"
            assert src.units[0] and src.descriptions[0]
            assert src.tags(1)["UNITS"] == src.units[0]
            if ref is None:
                ref = src.transform
                assert (ref.c, ref.f) == (480000.0, 3400000.0)
            assert src.transform == ref, name
    assert gen.RASTERS["seismic_pga"][2] == "g"
    assert gen.RASTERS["heat_lst"][2] == "degC"
    assert gen.RASTERS["flood_return_period"][2] == "years"


def test_nodata_outside_county_in_every_raster(county, rasters, layers, grid):
    inside = features.geometry_mask([county_geom(layers)], grid["shape"], grid["transform"], invert=True)
    assert 0.6 < inside.mean() < 0.8  # an irregular polygon, not the rectangle
    for name, arr in rasters.items():
        assert np.array_equal(~np.ma.getmaskarray(arr), inside), name


def test_vector_layers_crs_geometry_and_extent(county, layers):
    ds = ogr.Open(county["sample_county"])
    assert {ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())} == set(gen.LAYERS)
    cty = county_geom(layers).buffer(1.0)
    for name in gen.LAYERS:
        srs = ds.GetLayerByName(name).GetSpatialRef()
        assert srs.GetAuthorityCode(None) == "4547", name
        rows = layers[name]
        assert rows, f"empty layer {name}"
        for geom, _ in rows:
            assert geom.is_valid and not geom.is_empty, name
            assert cty.contains(geom), f"{name} geometry outside the county"
            if geom.geom_type == "MultiPolygon":
                for poly in geom.geoms:
                    assert poly.exterior.is_ccw, f"{name}: exterior ring not CCW"
                    assert all(not r.is_ccw for r in poly.interiors), name


def test_field_types(county):
    ds = ogr.Open(county["sample_county"])
    expected = {
        "townships": {
            "code": ogr.OFTString,
            "population": ogr.OFTInteger,
            "pop_density": ogr.OFTReal,
            "drainage_capacity_years": ogr.OFTInteger,
            "elderly_share": ogr.OFTReal,
        },
        "residential_blocks": {"block_id": ogr.OFTInteger, "population": ogr.OFTInteger, "township_code": ogr.OFTString},
        "roads": {"road_id": ogr.OFTInteger, "class": ogr.OFTString, "speed_kmh": ogr.OFTInteger, "oneway": ogr.OFTInteger},
        "shelters": {"effective_area_m2": ogr.OFTReal, "capacity_persons": ogr.OFTInteger},
        "basic_farmland": {"plot_id": ogr.OFTInteger, "area_ha": ogr.OFTReal},
    }
    for lname, fields in expected.items():
        defn = ds.GetLayerByName(lname).GetLayerDefn()
        for fname, ftype in fields.items():
            idx = defn.GetFieldIndex(fname)
            assert idx >= 0, (lname, fname)
            assert defn.GetFieldDefn(idx).GetType() == ftype, (lname, fname)


# ------------------------------------------------------------------------------------------
# determinism
# ------------------------------------------------------------------------------------------
def test_same_seed_gives_identical_data(county, county_again):
    for name in gen.RASTERS:
        a = read_raster(county, name)
        b = read_raster(county_again, name)
        assert np.array_equal(a.filled(-9999), b.filled(-9999)), name
    for name in gen.LAYERS:
        la, lb = read_layer(county, name), read_layer(county_again, name)
        assert len(la) == len(lb), name
        for (ga, aa), (gb, ab) in zip(la, lb):
            assert aa == ab, name
            assert ga.wkb == gb.wkb, name


def test_other_seed_differs(county, county_other):
    with rasterio.open(county_other["dem"]) as src:
        assert (src.width, src.height) == (334, 334) and src.res == (60.0, 60.0)
        assert src.transform.c == 480000.0 and src.transform.f == 3400000.0
    county_a = read_layer(county, "county")[0][0]
    county_c = read_layer(county_other, "county")[0][0]
    assert county_a.symmetric_difference(county_c).area > 1e6
    towns_a = read_layer(county, "townships")
    towns_c = read_layer(county_other, "townships")
    assert towns_a[0][0].wkb != towns_c[0][0].wkb
    rng = np.random.default_rng(1)
    xs, ys = rng.uniform(485000, 495000, 200), rng.uniform(3385000, 3395000, 200)
    za = sample_at(county, "dem", xs, ys)
    zc = sample_at(county_other, "dem", xs, ys)
    both = ~np.isnan(za) & ~np.isnan(zc)
    assert both.sum() > 100 and np.nanmax(np.abs(za - zc)[both]) > 20.0


# ------------------------------------------------------------------------------------------
# terrain and hazards
# ------------------------------------------------------------------------------------------
def test_terrain_ranges(rasters):
    dem, slope = rasters["dem"], rasters["slope"]
    assert 35.0 < dem.min() < 60.0 and 850.0 < dem.max() <= 900.0
    assert 0.0 <= slope.min() and slope.max() < 80.0
    assert 0.01 < (slope > 25).mean() < 0.4


def test_flood_depth_follows_hand(county, rasters, layers):
    depth, hand = rasters["flood_depth"], rasters["hand"]
    stage = gen.DESIGN_STAGE
    assert stage == pytest.approx(6.0)
    assert depth.min() == 0.0 and depth.max() <= stage + 1e-6
    assert np.all(depth[hand > stage] == 0.0)
    wet = depth > 0
    assert np.allclose(depth[wet], stage - hand[wet], atol=1e-4)
    # positive along every river line (sampled every 15 m, cells inside the county)
    xs, ys = [], []
    for geom, _ in layers["river"]:
        for d in np.arange(0.0, geom.length, 15.0):
            p = geom.interpolate(d)
            xs.append(p.x)
            ys.append(p.y)
    vals = sample_at(county, "flood_depth", xs, ys)
    vals = vals[~np.isnan(vals)]
    assert vals.size > 1000
    assert np.all(vals > 0.0)
    assert 0.02 < wet.mean() < 0.2


def test_return_period_consistent_with_flood(rasters):
    rp, depth, hand = rasters["flood_return_period"], rasters["flood_depth"], rasters["hand"]
    allowed = set(gen.RETURN_PERIODS) | {gen.RP_NEVER}
    assert set(np.unique(rp.compressed()).tolist()) <= allowed
    assert np.all(rp[depth > 0] <= 100)
    assert np.all(rp[hand > gen.DESIGN_STAGE] > 100)
    assert (rp == gen.RP_NEVER).mean() > 0.5
    # a cell first reached by the T-year flood lies below that flood's stage, and higher ground
    # floods less often
    for T in gen.RETURN_PERIODS:
        assert np.all(hand[rp == T] <= gen.stage_for_return_period(T) + 1e-4)
    reached = (rp <= 1000).filled(False)
    assert np.corrcoef(np.log(rp[reached]), hand[reached])[0, 1] > 0.5
    aep = 1.0 / rp.compressed()
    assert aep.min() == pytest.approx(1e-4) and aep.max() == pytest.approx(0.5)


def test_pga_decreases_with_distance_to_fault(county, layers):
    fault = unary_union([g for g, _ in layers["fault"]])
    pga = read_raster(county, "seismic_pga")
    with rasterio.open(county["seismic_pga"]) as src:
        transform = src.transform
    rows, cols = np.nonzero(~np.ma.getmaskarray(pga))
    pick = np.random.default_rng(0).choice(rows.size, size=1500, replace=False)
    xs, ys = cell_centres(transform, rows[pick], cols[pick])
    dist = np.array([fault.distance(Point(x, y)) for x, y in zip(xs, ys)])
    vals = pga[rows[pick], cols[pick]].astype(float)
    assert np.corrcoef(dist, vals)[0, 1] < -0.8
    assert vals.max() <= 0.3 * 1.25 + 1e-6 and pga.min() > 0.04
    assert float(gen.pga_rock(0.0)) == pytest.approx(0.30)
    assert float(gen.pga_rock(20.0)) == pytest.approx(0.05, rel=1e-3)


def test_landslide_susceptibility(rasters):
    ls, slope, hand = (rasters["landslide_susceptibility"], rasters["slope"], rasters["hand"])
    assert 0.0 <= ls.min() and ls.max() <= 1.0
    assert ls[slope > 25].mean() > 0.6
    assert ls[(hand < 3) & (slope < 3)].mean() < 0.05


def test_chemical_accident_around_plant(county, layers):
    ((plant, attrs),) = layers["chemical_plant"]
    assert attrs["name"] and attrs["type"]
    prob = read_raster(county, "chemical_accident")
    with rasterio.open(county["chemical_accident"]) as src:
        transform = src.transform
    rows, cols = np.nonzero(~np.ma.getmaskarray(prob))
    xs, ys = cell_centres(transform, rows, cols)
    d = np.hypot(xs - plant.x, ys - plant.y)
    p = prob[rows, cols].astype(float)
    assert p[d < 280].min() > 0.98
    assert p[(d > 1950) & (d < 2050)].max() < 0.015
    assert p[d > 3000].max() < 1e-3
    assert gen.chemical_lethality(2000.0) == pytest.approx(0.01, abs=1e-4)
    # the plant sits on the edge of the county seat, not in a flood zone
    seat = [g for g, a in layers["settlements"] if a["kind"] == "county seat"][0]
    assert 1000 < seat.distance(plant) < 4000
    assert sample_at(county, "flood_depth", [plant.x], [plant.y])[0] == 0.0


def test_heat_island_and_lapse_rate(rasters):
    lst, lc, dem = rasters["heat_lst"], rasters["landcover"], rasters["dem"]
    assert lst[lc == 5].mean() > lst[lc == 2].mean() + 3.0
    assert np.corrcoef(dem.compressed(), lst.compressed())[0, 1] < -0.5
    assert 20.0 < lst.min() and lst.max() < 48.0


# ------------------------------------------------------------------------------------------
# population, townships, blocks
# ------------------------------------------------------------------------------------------
def test_population_consistent(county, rasters, layers, grid):
    pop = rasters["population"]
    total = float(pop.sum())
    assert total == pytest.approx(200000, rel=0.01)
    towns = layers["townships"]
    assert abs(sum(a["population"] for _, a in towns) - total) <= 0.05 * total
    # township population = raster zonal sum
    for geom, a in towns:
        m = features.geometry_mask([geom], grid["shape"], grid["transform"], invert=True)
        assert a["population"] == pytest.approx(float(pop[m].sum()), abs=max(5.0, 0.002 * total))
    # the county seat holds ~80 000 people in its blocks, township seats 3 000-15 000
    blocks = layers["residential_blocks"]
    by_settlement = {}
    for _, a in blocks:
        by_settlement[a["settlement"]] = by_settlement.get(a["settlement"], 0) + a["population"]
    seat = [a for _, a in layers["settlements"] if a["kind"] == "county seat"][0]
    assert by_settlement[seat["name"]] == pytest.approx(80000, rel=0.02)
    for _, a in layers["settlements"]:
        if a["kind"] == "township seat":
            assert 3000 * 0.98 <= by_settlement[a["name"]] <= 15000 * 1.02


def test_block_population_equals_raster_within_blocks(rasters, layers, grid):
    blocks = layers["residential_blocks"]
    assert 150 <= len(blocks) <= 800
    ids = features.rasterize([(g, a["block_id"]) for g, a in blocks], out_shape=grid["shape"], transform=grid["transform"], fill=0, dtype="int32")
    pop = rasters["population"].filled(0.0)
    sums = np.bincount(ids.ravel(), weights=pop.ravel(), minlength=max(ids.max() + 1, 1))
    for _, a in blocks:
        assert a["population"] == pytest.approx(sums[a["block_id"]], abs=1.0)
    assert sum(a["population"] for _, a in blocks) <= pop.sum() + len(blocks)
    town_sizes = [g.area for g, a in blocks if a["kind"] == "town"]
    assert np.median(town_sizes) < 90000  # blocks of 100-300 m
    village_sizes = [g.area for g, a in blocks if a["kind"] == "village"]
    assert np.median(village_sizes) > np.median(town_sizes)


def test_townships_partition_the_county(layers):
    cty = county_geom(layers)
    towns = layers["townships"]
    assert 6 <= len(towns) <= 8
    union = unary_union([g for g, _ in towns])
    assert union.area == pytest.approx(cty.area, rel=1e-3)
    assert sum(g.area for g, _ in towns) == pytest.approx(union.area, rel=1e-3)
    assert cty.symmetric_difference(union).area < 1e-3 * cty.area
    county_code = layers["county"][0][1]["code"]
    for _, a in towns:
        assert a["code"].startswith(county_code) and len(a["code"]) == 9
        assert a["parent_code"] == county_code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in a["name"])  # Chinese name part
        assert 0 <= a["forest_cover"] <= 100 and 0 <= a["impervious_share"] <= 100
        assert 0 <= a["ecol_red_line_share"] <= 100 and 5 <= a["elderly_share"] <= 40
        assert a["gdp_per_capita"] > 10000 and a["drainage_capacity_years"] >= 1
    # the urban township is the densest, richest and most impervious one
    urban = max(towns, key=lambda t: t[1]["pop_density"])[1]
    assert urban["gdp_per_capita"] == max(a["gdp_per_capita"] for _, a in towns)
    assert urban["impervious_share"] == max(a["impervious_share"] for _, a in towns)
    assert urban["forest_cover"] < max(a["forest_cover"] for _, a in towns) - 5.0
    assert urban["elderly_share"] < max(a["elderly_share"] for _, a in towns)


# ------------------------------------------------------------------------------------------
# road network
# ------------------------------------------------------------------------------------------
def test_road_attributes(layers):
    roads = layers["roads"]
    speeds = {"arterial": 60, "collector": 40, "local": 30}
    classes = {a["class"] for _, a in roads}
    assert classes == set(speeds)
    for g, a in roads:
        assert a["speed_kmh"] == speeds[a["class"]]
        assert a["oneway"] in (0, 1)
        assert isinstance(g, LineString) and g.length > 0
    oneway = [(g, a) for g, a in roads if a["oneway"] == 1]
    assert len(oneway) >= 2
    # one-way streets: the segments of one street all point the same way (digitised direction)
    by_name = {}
    for g, a in oneway:
        (x0, y0), (x1, y1) = g.coords[0], g.coords[-1]
        by_name.setdefault(a["name"], []).append(np.array([x1 - x0, y1 - y0]))
    assert len(by_name) >= 2
    mean_dirs = []
    for vecs in by_name.values():
        mean = np.sum(vecs, axis=0)
        assert all(float(v @ mean) > 0 for v in vecs)
        mean_dirs.append(mean / np.linalg.norm(mean))
    assert float(mean_dirs[0] @ mean_dirs[1]) < -0.9  # a one-way couplet


def test_road_network_is_routable(layers):
    roads = layers["roads"]
    # graph on all vertices; edges between consecutive vertices
    parent = {}

    def find(p):
        parent.setdefault(p, p)
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    for g, _ in roads:
        cs = list(g.coords)
        for a, b in zip(cs, cs[1:]):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
    comp_len = {}
    for g, _ in roads:
        r = find(g.coords[0])
        comp_len[r] = comp_len.get(r, 0.0) + g.length
    total = sum(comp_len.values())
    assert max(comp_len.values()) >= 0.95 * total
    # every collector end meets another road (at an end point or a vertex)
    count = {}
    for g, _ in roads:
        for p in set(g.coords):
            count[p] = count.get(p, 0) + 1
    for g, a in roads:
        if a["class"] == "collector":
            for p in (g.coords[0], g.coords[-1]):
                assert count[p] >= 2, f"dangling collector end {p}"
    # intersections are shared vertices: no two roads cross without a common vertex
    arterial = [g for g, a in roads if a["class"] == "arterial"]
    others = [g for g, a in roads if a["class"] != "arterial"]
    for ga in arterial:
        for gb in others:
            if ga.crosses(gb):
                pytest.fail("roads cross without sharing a vertex")


# ------------------------------------------------------------------------------------------
# facilities, land-use control lines
# ------------------------------------------------------------------------------------------
def test_shelters_follow_gb50413(layers):
    shelters = layers["shelters"]
    assert 15 <= len(shelters) <= 25
    std = {"emergency": 1.0, "fixed": 2.0, "central": 2.0}
    types = set()
    for _, a in shelters:
        types.add(a["type"])
        assert a["type"] in std
        assert a["capacity_persons"] == a["effective_area_m2"] / std[a["type"]]
        if a["type"] == "emergency":
            assert a["effective_area_m2"] >= 2000
        else:
            assert a["effective_area_m2"] >= 10000
    assert {"emergency", "fixed"} <= types


def test_hospitals(layers):
    hospitals = layers["hospitals"]
    assert 4 <= len(hospitals) <= 8
    levels = [a["level"] for _, a in hospitals]
    assert sum(lv.startswith("II-A") for lv in levels) == 1
    assert all(a["beds"] > 0 for _, a in hospitals)


def test_candidate_sites(county, layers):
    sites = layers["candidate_sites"]
    assert 40 <= len(sites) <= 60
    xs = [g.x for g, _ in sites]
    ys = [g.y for g, _ in sites]
    depth = sample_at(county, "flood_depth", xs, ys)
    assert np.sum(depth > 0) >= 3  # some candidates are flood-prone on purpose
    assert np.sum(depth == 0) >= 0.5 * len(sites)
    for _, a in sites:
        assert a["area_m2"] > 0 and a["capacity_persons"] > 0
        assert a["capacity_persons"] == int(gen.CANDIDATE_EFFECTIVE_RATIO * a["area_m2"] // 2.0)


def test_red_line_and_farmland(county, layers, rasters, grid):
    red = unary_union([g for g, _ in layers["ecological_red_line"]])
    farms = layers["basic_farmland"]
    farm = unary_union([g for g, _ in farms])
    assert red.intersection(farm).area < 1e-3 * farm.area
    assert {a["category"] for _, a in layers["ecological_red_line"]}
    slope = rasters["slope"]
    ids = features.rasterize([(g, a["plot_id"]) for g, a in farms], out_shape=grid["shape"], transform=grid["transform"], fill=0, dtype="int32")
    inside = ids > 0
    assert slope[inside].mean() < 6.0
    rp = rasters["flood_return_period"]
    assert np.all(rp[inside] > 5)  # outside the floodway
    for g, a in farms:
        assert a["area_ha"] == pytest.approx(g.area / 1e4, abs=0.01)
    cty = county_geom(layers)
    assert 0.1 < red.area / cty.area < 0.45
    assert 0.02 < farm.area / cty.area < 0.35


def test_river_and_fault(layers):
    rivers = layers["river"]
    ranks = {a["rank"] for _, a in rivers}
    assert ranks == {"main", "tributary"}
    main = max((g for g, a in rivers if a["rank"] == "main"), key=lambda g: g.length)
    assert main.length > 15000
    assert main.coords[0][0] < main.coords[-1][0]  # digitised downstream, west -> east
    fault = layers["fault"]
    assert len(fault) >= 1 and sum(g.length for g, _ in fault) > 15000
