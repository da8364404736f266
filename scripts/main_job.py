"""The main job: the three paths and the SETS index on the sample county, headless through qgis_process.

    python3 scripts/main_job.py [--out OUTPUT_DIR]

Generates the sample county (sample_data/), normalises its five hazards, overlays them,
grades the result into risk zones with control lines and per-township areas (path 1), weights
urban-development criteria with AHP and maps their suitability under weight uncertainty with the
red line, basic farmland and high-risk zones excluded (path 2), measures the residents' coverage
by emergency shelters and hospitals along the roads, chooses new shelter sites and routes the
residents to shelters around the high-risk zones (path 3), scores the townships on the SETS
index, builds the ecological security pattern (resistance from land cover and the landslide and
flood degrees, habitat patches ranked by their importance for connectivity, least-cost corridors,
pinch points and barriers) and stress-tests the roads (which segment's loss in the high-risk zones
cuts residents off from the hospitals, and how the network breaks up), writes the dossier with its
map atlas, and a styled QGIS project (risk_path.qgz) that opens every layer. Prints where
everything is.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from qgis_runner import QgisProcess  # noqa: E402

#: How each hazard of the sample county becomes a 0–1 degree (tsr:normalizehazard parameters).
HAZARDS = {
    # Flood depth classes of China's flood-risk mapping practice (SL 483-2017): 0.5 / 1 / 2 / 3 m.
    # A matrix goes to qgis_process as one comma list (min,max,value, …); an empty bound is open.
    "flood": ("flood_depth.tif", {"METHOD": 5, "TABLE": ",0.05,0, 0.05,0.5,0.2, 0.5,1,0.4, 1,2,0.6, 2,3,0.8, 3,,1"}),
    "landslide": ("landslide_susceptibility.tif", {"METHOD": 0}),
    # PGA 0.05 g (intensity VI) to 0.40 g (intensity IX) of GB 18306-2015.
    "seismic": ("seismic_pga.tif", {"METHOD": 2, "LOWER": 0.05, "UPPER": 0.40}),
    "chemical": ("chemical_accident.tif", {"METHOD": 2, "LOWER": 0.0, "UPPER": 1.0}),
    # Summer land surface temperature: heat stress from 30 °C, full at 40 °C.
    "heat": ("heat_lst.tif", {"METHOD": 3, "LOWER": 30.0, "UPPER": 40.0}),
}
#: Weights of an AHP-style judgement (flood, landslide, seismic, chemical, heat).
WEIGHTS = "0.30,0.25,0.20,0.15,0.10"
#: Cascades: earthquakes trigger landslides (+50 %), floods trigger chemical releases (+30 %, Natech).
INTERACTIONS = "0 0 0 0.3 0; 0 0 0 0 0; 0 0.5 0 0 0; 0 0 0 0 0; 0 0 0 0 0"
#: Urban development suitability: criteria, their direction, and the planners' pairwise judgements
#: (upper triangle, Saaty's scale) in the order slope, elevation, multi-hazard risk, population.
SUITABILITY_CRITERIA = ("slope", "elevation", "multi-hazard risk", "population")
SUITABILITY_DIRECTIONS = "-,-,-,+"
AHP_JUDGEMENTS = "3, 1/2, 2, 1/4, 1/2, 3"
#: SETS indicators of the sample townships (negative: higher means less resilient).
SETS_SOCIAL = "pop_density;gdp_per_capita;doctors_per_1000;elderly_share"
#: ec_pc_pct: each township's equivalent connected habitat, EC(PC), as a share of its area
#: (tsr:patchconnectivity with the townships as UNITS, step 13).
SETS_ECOLOGICAL = "forest_cover;ecol_red_line_share;impervious_share;ec_pc_pct"
SETS_TECHNOLOGICAL = "road_density;shelter_area_per_capita;drainage_capacity_years;hospital_beds_per_1000"
SETS_NEGATIVE = "pop_density;elderly_share;impervious_share"
#: Land demand of the scenarios on the 300 m grid (use, ha, tolerance): the county grows its urban
#: land by about 20 % (≈ 1700 → 2040 ha), keeps its farmland (≈ 6620 ha, 占补平衡) and slightly
#: extends its forest (≈ 14 860 → 15 000 ha). The current areas are the majority land cover of
#: each cell (landcover.tif: 5 built-up, 1 cropland, 2 forest).
LAND_DEMAND = "urban, 2040, 3%; farmland, 6650, 2%; forest, 15000, 2%"
#: Resistance of the sample county's land-cover classes (class, resistance): forest 1 and wetland
#: 10 for the forest and wetland species of the county, cropland 30, grassland/shrub 20, open water
#: 100, built-up land 500 — the order of values of the Chinese ecological-security-pattern literature.
RESISTANCE_TABLE = "1,30, 2,1, 3,20, 4,100, 5,500, 6,10"
#: Hazards raise the resistance where they are high: R = R₀ · (1 + 0.5·landslide) · (1 + 0.5·flood).
RESISTANCE_MODIFIERS = ("landslide", "flood")
#: Habitat: forest (2) and wetland (6) patches of at least 25 ha; dispersal probability 0.5 at a
#: least-cost distance of 10 000 (10 km through forest), swept from 1 000 to 80 000.
HABITAT_CLASSES = "2,6"
SOURCES_KEPT = 8
STEPS = 21


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_sample_county", ROOT / "sample_data" / "generate_sample_county.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def land_scenarios(qp: QgisProcess, sample: Path, results: Path, risk: str, urban_suitability: str) -> dict:
    """Path 2's land-use scenarios (NSGA-II) on a 300 m grid of the sample county."""
    gpkg = sample / "sample_county.gpkg"
    print(f"7/{STEPS} Land allocation scenarios on a 300 m grid (tsr:normalizehazard, tsr:landallocation)")
    # Farmland prefers gentle slopes (1 up to 2°, 0 from 15°); forest steeper ones (0 up to 5°, 1 from 25°).
    farmland = qp.run(
        "tsr:normalizehazard",
        {
            "INPUT": str(sample / "slope.tif"),
            "METHOD": 2,
            "DIRECTION": 1,
            "LOWER": 2,
            "UPPER": 15,
            "OUTPUT": str(results / "farmland_suitability.tif"),
        },
    )["results"]["OUTPUT"]
    forest = qp.run(
        "tsr:normalizehazard",
        {
            "INPUT": str(sample / "slope.tif"),
            "METHOD": 2,
            "DIRECTION": 0,
            "LOWER": 5,
            "UPPER": 25,
            "OUTPUT": str(results / "forest_suitability.tif"),
        },
    )["results"]["OUTPUT"]
    allocation = qp.run(
        "tsr:landallocation",
        {
            "CELL_SIZE": 300,
            "SUITABILITY": f"urban, {urban_suitability}; farmland, {farmland}; forest, {forest}",
            "CURRENT_USE_RASTER": str(sample / "landcover.tif"),
            "CURRENT_USE_CLASSES": "urban, 5; farmland, 1; forest, 2",
            # The red line, permanent basic farmland and today's settlements may not change.
            "LOCKED_ZONES": [f"{gpkg}|layername=ecological_red_line", f"{gpkg}|layername=basic_farmland", f"{gpkg}|layername=residential_blocks"],
            "RISK": risk,
            "DEVELOPMENT_USES": "urban",
            "DEMAND": LAND_DEMAND,
            "OBJECTIVES": "0,1,2,3",
            "POPULATION_SIZE": 60,
            "GENERATIONS": 100,
            "SEED": 2020,
            "SCENARIOS": 5,
            "OUTPUT": str(results / "land_allocation.gpkg"),
            "OUTPUT_PARETO": str(results / "land_allocation_pareto.csv"),
            "OUTPUT_HTML": str(results / "land_allocation_report.html"),
        },
    )["results"]
    print(
        f"    {allocation['FRONT_SIZE']} non-dominated scenarios; compromise (knee) = solution {allocation['KNEE_ID']}; "
        f"normalised hypervolume {allocation['HYPERVOLUME']:.3f}"
    )
    return allocation


def network_path(qp: QgisProcess, sample: Path, results: Path, high_risk: str) -> dict:
    """Path 3 on the sample county: coverage, new shelter sites, evacuation routes."""
    gpkg = sample / "sample_county.gpkg"
    blocks, roads = f"{gpkg}|layername=residential_blocks", f"{gpkg}|layername=roads"
    shelters = f"{gpkg}|layername=shelters"
    print(f"8/{STEPS} Residents within 500 m of an emergency shelter along the roads (tsr:servicecoverage)")
    coverage = qp.run(
        "tsr:servicecoverage",
        {
            "DEMAND": blocks,
            "POPULATION_FIELD": "population",
            "FACILITIES": shelters,
            "FACILITY_ID_FIELD": "name",
            "CAPACITY_FIELD": "capacity_persons",
            "NETWORK": roads,
            "PRESET": 1,
            "MAX_SNAP": 500,
            "OUTPUT_DEMAND": str(results / "shelter_coverage_blocks.gpkg"),
            "OUTPUT_FACILITIES": str(results / "shelter_load.gpkg"),
            "OUTPUT_AREAS": str(results / "shelter_service_areas.gpkg"),
            "OUTPUT_HTML": str(results / "shelter_coverage_report.html"),
        },
    )["results"]
    print(f"    {coverage['COVERED_PERCENT']:.1f} % of residents within 500 m")
    print(f"9/{STEPS} Residents within 15 and 30 minutes of a hospital by road (tsr:servicecoverage)")
    hospitals = qp.run(
        "tsr:servicecoverage",
        {
            "DEMAND": blocks,
            "POPULATION_FIELD": "population",
            "FACILITIES": f"{gpkg}|layername=hospitals",
            "FACILITY_ID_FIELD": "name",
            "NETWORK": roads,
            "SPEED": 20,
            "SPEED_FIELD": "speed_kmh",
            "COST": 1,
            "THRESHOLDS": "15,30",
            "MAX_SNAP": 500,
            "OUTPUT_DEMAND": str(results / "hospital_coverage_blocks.gpkg"),
            "OUTPUT_FACILITIES": str(results / "hospital_load.gpkg"),
            "OUTPUT_AREAS": "",
            "OUTPUT_HTML": str(results / "hospital_coverage_report.html"),
        },
    )["results"]
    print(f"    {hospitals['COVERED_PERCENT']:.1f} % of residents within 15 minutes")
    print(f"10/{STEPS} Five new shelters that cover the most residents within 500 m (tsr:facilitylocation, MCLP)")
    location = qp.run(
        "tsr:facilitylocation",
        {
            "DEMAND": blocks,
            "POPULATION_FIELD": "population",
            "DEMAND_ID_FIELD": "block_id",
            "CANDIDATES": f"{gpkg}|layername=candidate_sites",
            "CANDIDATE_ID_FIELD": "name",
            "EXISTING": shelters,
            "NETWORK": roads,
            "MAX_SNAP": 500,
            "MODEL": 1,
            "P": 5,
            "SERVICE_DISTANCE": 500,
            "OUTPUT_SITES": str(results / "new_shelter_sites.gpkg"),
            "OUTPUT_ALLOCATION": str(results / "shelter_allocation.gpkg"),
            "OUTPUT_HTML": str(results / "location_report.html"),
        },
    )["results"]
    print(f"    covered {location['COVERED_PERCENT']:.1f} % (curve {location['COVERAGE_CURVE']}), {location['STATUS']}")
    print(f"11/{STEPS} Evacuation routes to the shelters around the high-risk zones, within capacity (tsr:evacuationroutes)")
    evacuation = qp.run(
        "tsr:evacuationroutes",
        {
            "DEMAND": blocks,
            "POPULATION_FIELD": "population",
            "DEMAND_ID_FIELD": "block_id",
            "SHELTERS": shelters,
            "SHELTER_ID_FIELD": "name",
            "CAPACITY_FIELD": "capacity_persons",
            "NETWORK": roads,
            "MAX_SNAP": 500,
            "HAZARD_ZONES": high_risk,
            "HAZARD_MODE": 0,
            "ASSIGNMENT": 1,
            "OUTPUT": str(results / "evacuation_routes.gpkg"),
            "OUTPUT_UNREACHED": str(results / "not_evacuated.gpkg"),
            "OUTPUT_HTML": str(results / "evacuation_report.html"),
        },
    )["results"]
    print(f"    {evacuation['EVACUATED_PERCENT']:.1f} % of residents have a safe route to a shelter with room")
    return {"shelter_coverage": coverage, "hospital_coverage": hospitals, "location": location, "evacuation": evacuation}


def ecological_pattern(qp: QgisProcess, sample: Path, results: Path, degrees: dict[str, str]) -> dict:
    """The ecological security pattern of the sample county: resistance, sources, corridors,
    pinch points and barriers (issues 12 and 13)."""
    gpkg = sample / "sample_county.gpkg"
    print(f"12/{STEPS} Resistance surface from land cover and the landslide and flood degrees (tsr:resistancesurface)")
    resistance = qp.run(
        "tsr:resistancesurface",
        {
            "LANDCOVER": str(sample / "landcover.tif"),
            "TABLE": RESISTANCE_TABLE,
            "MODIFIERS": [degrees[name] for name in RESISTANCE_MODIFIERS],
            "MODIFIER_WEIGHTS": "0.5,0.5",
            "METHOD": 0,
            "OUTPUT": str(results / "resistance.tif"),
        },
    )["results"]
    print(f"13/{STEPS} Habitat patches, their importance for connectivity and EC(PC) per township (tsr:patchconnectivity, least-cost distances)")
    patches = qp.run(
        "tsr:patchconnectivity",
        {
            "HABITAT": str(sample / "landcover.tif"),
            "HABITAT_CLASSES": HABITAT_CLASSES,
            "MIN_AREA": 25,
            "DISTANCE": 1,
            "RESISTANCE": resistance["OUTPUT"],
            "THRESHOLD": 10000,
            "PROBABILITY": 0.5,
            "DISTANCE_SWEEP": "1000,2500,5000,10000,20000,40000,80000",
            "UNITS": f"{gpkg}|layername=townships",
            "OUTPUT": str(results / "habitat_patches.gpkg"),
            "OUTPUT_UNITS": str(results / "township_connectivity.gpkg"),
            "OUTPUT_LINKS": str(results / "habitat_links.gpkg"),
            "OUTPUT_CURVE": str(results / "connectivity_curve.csv"),
            "OUTPUT_HTML": str(results / "connectivity_report.html"),
        },
    )["results"]
    print(f"    PC {patches['PC']:.4g}, EC(PC) {patches['EC_PC']:.1f} ha, {patches['COMPONENTS']} components")
    sources = qp.run(
        "native:extractbyexpression",
        {"INPUT": patches["OUTPUT"], "EXPRESSION": f'"rank" <= {SOURCES_KEPT}', "OUTPUT": str(results / "ecological_sources.gpkg")},
    )["results"]["OUTPUT"]
    print(f"14/{STEPS} Least-cost corridors between the {SOURCES_KEPT} most important patches (tsr:ecologicalcorridors)")
    corridors = qp.run(
        "tsr:ecologicalcorridors",
        {
            "SOURCES": sources,
            "SOURCE_ID_FIELD": "patch_id",
            "RESISTANCE": resistance["OUTPUT"],
            "NEIGHBOURS": 0,
            "CORRIDOR_WIDTH": 2000,
            "ROADS": f"{gpkg}|layername=roads",
            "OUTPUT_COST_DISTANCE": str(results / "cost_distance.tif"),
            "OUTPUT_ALLOCATION": str(results / "cost_allocation.tif"),
            "OUTPUT_CORRIDORS": str(results / "corridors.tif"),
            "OUTPUT_PATHS": str(results / "least_cost_paths.gpkg"),
            "OUTPUT_CONFLICTS": str(results / "corridor_road_conflicts.gpkg"),
            "OUTPUT_HTML": str(results / "corridors_report.html"),
        },
    )["results"]
    print(f"15/{STEPS} Pinch points: current flow within each corridor (tsr:circuitconnectivity)")
    circuit = qp.run(
        "tsr:circuitconnectivity",
        {
            "RESISTANCE": resistance["OUTPUT"],
            "FOCAL": sources,
            "FOCAL_ID_FIELD": "patch_id",
            "MODE": 0,
            "CONNECTIONS": 1,
            "CORRIDORS": corridors["OUTPUT_CORRIDORS"],
            "CORRIDOR_WIDTH": 2000,
            "OUTPUT_CURRENT": str(results / "pinch_points.tif"),
            "OUTPUT_RESISTANCES": str(results / "effective_resistances.csv"),
            "OUTPUT_HTML": str(results / "circuit_report.html"),
        },
    )["results"]
    print(f"    mean effective resistance {circuit['MEAN_EFFECTIVE_RESISTANCE']:.4g}")
    print(f"16/{STEPS} Barriers whose restoration would shorten the corridors most (tsr:barriers)")
    barriers = qp.run(
        "tsr:barriers",
        {
            "SOURCES": sources,
            "SOURCE_ID_FIELD": "patch_id",
            "RESISTANCE": resistance["OUTPUT"],
            "PATHS": corridors["OUTPUT_PATHS"],
            "RADII": "90,180,300",
            "OUTPUT": str(results / "barriers.tif"),
            "OUTPUT_RADIUS": str(results / "barrier_radius.tif"),
            "OUTPUT_HTML": str(results / "barriers_report.html"),
        },
    )["results"]
    return {"resistance": resistance, "patches": patches, "sources": sources, "corridors": corridors, "circuit": circuit, "barriers": barriers}


def stress_test(qp: QgisProcess, sample: Path, results: Path, high_risk: str) -> dict:
    """Which road's loss cuts residents off from the hospitals, with the high-risk zones closed,
    and how the road network breaks up under targeted losses (issue 14)."""
    gpkg = sample / "sample_county.gpkg"
    print(f"18/{STEPS} Critical roads for hospital access with the high-risk zones closed (tsr:networkcriticality)")
    criticality = qp.run(
        "tsr:networkcriticality",
        {
            "NETWORK": f"{gpkg}|layername=roads",
            "SPEED": 20,
            "SPEED_FIELD": "speed_kmh",
            "COST": 1,
            "MAX_SNAP": 500,
            "DEMAND": f"{gpkg}|layername=residential_blocks",
            "POPULATION_FIELD": "population",
            "DEMAND_ID_FIELD": "block_id",
            "FACILITIES": f"{gpkg}|layername=hospitals",
            "FACILITY_ID_FIELD": "name",
            "THRESHOLD": 15,
            "ELEMENTS": 0,
            "ELEMENT_ID_FIELD": "road_id",
            "SCENARIO": high_risk,
            "OUTPUT": str(results / "critical_roads.gpkg"),
            "OUTPUT_DEMAND": str(results / "hospital_access_after_loss.gpkg"),
            "OUTPUT_HTML": str(results / "criticality_report.html"),
        },
    )["results"]
    print(f"    the scenario cuts {criticality['SCENARIO_LOST_ACCESS']:.0f} residents off; most critical road {criticality['MOST_CRITICAL_ID']}")
    print(f"19/{STEPS} Robustness of the road network under targeted losses (tsr:networkrobustness, betweenness)")
    robustness = qp.run(
        "tsr:networkrobustness",
        {
            "INPUT": f"{gpkg}|layername=roads",
            "REMOVAL": 2,
            "UNIT": 0,
            "STEPS": 20,
            "OUTPUT_CURVE": str(results / "robustness_curve.csv"),
            "OUTPUT_HTML": str(results / "robustness_report.html"),
        },
    )["results"]
    print(f"    critical fraction {robustness['CRITICAL_FRACTION']:.3f}, robustness R {robustness['ROBUSTNESS']:.3f}")
    return {"criticality": criticality, "robustness": robustness}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "output"), help="output folder (default: ./output)")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    sample, results = out / "sample_county", out / "risk_path"
    results.mkdir(parents=True, exist_ok=True)
    started = time.time()

    print(f"1/{STEPS} Generating the sample county in {sample}")
    files = load_generator().generate(str(sample))
    qp = QgisProcess(str(out / ".qgis-profile"))

    print(f"2/{STEPS} Normalising the hazards (tsr:normalizehazard)")
    degree_of = {}
    for name, (file_name, parameters) in HAZARDS.items():
        answer = qp.run("tsr:normalizehazard", {"INPUT": str(sample / file_name), **parameters, "OUTPUT": str(results / f"{name}_degree.tif")})
        degree_of[name] = answer["results"]["OUTPUT"]
        print(f"    {name:10s} → {Path(degree_of[name]).name}")
    degrees = list(degree_of.values())

    print(f"3/{STEPS} Overlaying them (tsr:multihazardoverlay)")
    overlay = qp.run(
        "tsr:multihazardoverlay",
        {
            "HAZARDS": degrees,
            "WEIGHTS": WEIGHTS,
            "METHOD": 0,
            "INTERACTIONS": INTERACTIONS,
            "THRESHOLD": 0.5,
            "OUTPUT": str(results / "multi_hazard_index.tif"),
            "OUTPUT_DOMINANT": str(results / "dominant_hazard.tif"),
            "OUTPUT_COUNT": str(results / "hazard_count.tif"),
            "OUTPUT_HTML": str(results / "overlay_report.html"),
        },
    )["results"]

    print(f"4/{STEPS} Grading into risk zones and control lines (tsr:riskzoning)")
    townships = f"{sample / 'sample_county.gpkg'}|layername=townships"
    zoning = qp.run(
        "tsr:riskzoning",
        {
            "INPUT": overlay["OUTPUT"],
            "CLASSES": 5,
            "METHOD": 0,
            "MIN_AREA": 1.0,
            "UNITS": townships,
            "UNIT_FIELD": "name",
            "OUTPUT": str(results / "risk_grades.tif"),
            "OUTPUT_ZONES": str(results / "risk_zones.gpkg"),
            "OUTPUT_LINES": str(results / "risk_control_lines.gpkg"),
            "OUTPUT_TABLE": str(results / "risk_area_by_township.csv"),
            "OUTPUT_HTML": str(results / "zoning_report.html"),
        },
    )["results"]
    print(f"5/{STEPS} Weighting the development criteria (tsr:ahpweights)")
    ahp = qp.run(
        "tsr:ahpweights",
        {
            "MATRIX": AHP_JUDGEMENTS,
            "CRITERIA": ",".join(SUITABILITY_CRITERIA),
            "OUTPUT_TABLE": str(results / "ahp_weights.csv"),
            "OUTPUT_HTML": str(results / "ahp_report.html"),
        },
    )["results"]
    print(f"    weights {ahp['WEIGHTS']}, CR {ahp['CR']:.3f}")

    print(f"6/{STEPS} Suitability for urban development under weight uncertainty (tsr:suitability)")
    high_risk = qp.run(
        "native:extractbyexpression",
        {
            "INPUT": zoning["OUTPUT_ZONES"],
            "EXPRESSION": "grade >= 4",
            "OUTPUT": str(results / "high_risk_zones.gpkg"),
        },
    )["results"]["OUTPUT"]
    gpkg = sample / "sample_county.gpkg"
    suitability = qp.run(
        "tsr:suitability",
        {
            "CRITERIA": [str(sample / "slope.tif"), str(sample / "dem.tif"), overlay["OUTPUT"], str(sample / "population.tif")],
            "DIRECTIONS": SUITABILITY_DIRECTIONS,
            "WEIGHTS": ahp["WEIGHTS"],
            "METHOD": 0,
            "EXCLUSION_ZONES": [f"{gpkg}|layername=ecological_red_line", f"{gpkg}|layername=basic_farmland", high_risk],
            "WEIGHT_UNCERTAINTY": 15,
            "ITERATIONS": 1000,
            "SEED": 2020,
            "TOP_PERCENT": 10,
            "OUTPUT_MEAN": str(results / "suitability_mean.tif"),
            "OUTPUT_STD": str(results / "suitability_std.tif"),
            "OUTPUT_PROBABILITY": str(results / "suitability_probability.tif"),
            "OUTPUT_CLASS": str(results / "suitability_class.tif"),
            "OUTPUT_HTML": str(results / "suitability_report.html"),
        },
    )["results"]
    print(f"    robustly suitable {suitability['ROBUST_AREA_HA']:.1f} ha, uncertain {suitability['UNCERTAIN_AREA_HA']:.1f} ha")
    allocation = land_scenarios(qp, sample, results, overlay["OUTPUT"], suitability["OUTPUT_MEAN"])
    network = network_path(qp, sample, results, high_risk)
    ecology = ecological_pattern(qp, sample, results, degree_of)
    print(f"17/{STEPS} Scoring the townships on the SETS resilience index, EC(PC) among the ecological indicators (tsr:setsindex)")
    sets = qp.run(
        "tsr:setsindex",
        {
            "INPUT": ecology["patches"]["OUTPUT_UNITS"],
            "SOCIAL_FIELDS": SETS_SOCIAL.split(";"),
            "ECOLOGICAL_FIELDS": SETS_ECOLOGICAL.split(";"),
            "TECHNOLOGICAL_FIELDS": SETS_TECHNOLOGICAL.split(";"),
            "NEGATIVE_FIELDS": SETS_NEGATIVE.split(";"),
            "WEIGHTING": 1,
            "AGGREGATION": 0,
            "LEVEL": 4,
            "PARENT_FIELD": "parent_code",
            "POPULATION_FIELD": "population",
            "OUTPUT": str(results / "sets_index.gpkg"),
            "OUTPUT_PARENT": str(results / "sets_index_county.gpkg"),
            "OUTPUT_HTML": str(results / "sets_report.html"),
        },
    )["results"]
    print(f"    mean resilience {sets['MEAN_RESILIENCE']:.3f}")
    stress = stress_test(qp, sample, results, high_risk)
    summary = {
        "overlay": overlay,
        "zoning": zoning,
        "ahp": ahp,
        "suitability": suitability,
        "allocation": allocation,
        **network,
        "sets": sets,
        **ecology,
        **stress,
        "sample": files,
    }
    (results / "results.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")

    print(f"20/{STEPS} Writing the styled QGIS project")
    from make_project import write_project

    project = write_project(out / "risk_path.qgz", sample, results, list(HAZARDS), zoning, suitability, allocation, network, sets, ecology, stress)
    print(f"21/{STEPS} The resilience dossier and map atlas, in Chinese and English (tsr:resiliencedossier)")
    dossier = qp.run(
        "tsr:resiliencedossier",
        {
            "RESULTS": str(results),
            "PROJECT": str(project),
            "TITLE": "样例县国土空间韧性专题研究 · Sample county territorial space resilience study",
            "LANGUAGE": 2,
            "PAPER": 0,
            "OUTPUT_PDF": str(out / "resilience_dossier.pdf"),
            "OUTPUT_HTML": str(out / "resilience_dossier.html"),
            "OUTPUT_JSON": str(out / "resilience_dossier.json"),
        },
        timeout=900,
    )["results"]
    print(f"    {dossier['PAGES']} pages, {dossier['FINDINGS']} findings, {dossier['ACTIONS']} proposed actions")

    print()
    print(
        f"Done in {time.time() - started:.0f} s. Breaks used: {zoning['BREAKS_USED']}; controlled zone "
        f"{zoning['CONTROLLED_AREA_HA']:.1f} ha; goodness of variance fit {zoning['GVF']:.3f}."
    )
    print(f"  QGIS project : {project}")
    print(f"  Dossier      : {dossier['OUTPUT_PDF']}")
    reports = (
        "overlay",
        "zoning",
        "ahp",
        "suitability",
        "land_allocation",
        "shelter_coverage",
        "hospital_coverage",
        "location",
        "evacuation",
        "sets",
        "connectivity",
        "corridors",
        "circuit",
        "barriers",
        "criticality",
        "robustness",
    )
    for k, name in enumerate(reports):
        print(f"  {'Reports' if k == 0 else '':13s}: {results / f'{name}_report.html'}")
    print(f"  Layers       : {results}")
    print(f"  Sample county: {sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
