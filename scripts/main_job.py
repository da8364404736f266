"""The main job: the first two paths on the sample county, headless through qgis_process.

    python3 scripts/main_job.py [--out OUTPUT_DIR]

Generates the sample county (sample_data/), normalises its five hazards, overlays them,
grades the result into risk zones with control lines and per-township areas (path 1), weights
urban-development criteria with AHP and maps their suitability under weight uncertainty with the
red line, basic farmland and high-risk zones excluded (path 2), and writes a styled QGIS project
(risk_path.qgz) that opens every layer. Prints where everything is.
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


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_sample_county", ROOT / "sample_data" / "generate_sample_county.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "output"), help="output folder (default: ./output)")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    sample, results = out / "sample_county", out / "risk_path"
    results.mkdir(parents=True, exist_ok=True)
    started = time.time()

    print(f"1/7 Generating the sample county in {sample}")
    files = load_generator().generate(str(sample))
    qp = QgisProcess(str(out / ".qgis-profile"))

    print("2/7 Normalising the hazards (tsr:normalizehazard)")
    degrees = []
    for name, (file_name, parameters) in HAZARDS.items():
        answer = qp.run("tsr:normalizehazard", {"INPUT": str(sample / file_name), **parameters, "OUTPUT": str(results / f"{name}_degree.tif")})
        degrees.append(answer["results"]["OUTPUT"])
        print(f"    {name:10s} → {Path(degrees[-1]).name}")

    print("3/7 Overlaying them (tsr:multihazardoverlay)")
    overlay = qp.run("tsr:multihazardoverlay", {
        "HAZARDS": degrees, "WEIGHTS": WEIGHTS, "METHOD": 0, "INTERACTIONS": INTERACTIONS, "THRESHOLD": 0.5,
        "OUTPUT": str(results / "multi_hazard_index.tif"), "OUTPUT_DOMINANT": str(results / "dominant_hazard.tif"),
        "OUTPUT_COUNT": str(results / "hazard_count.tif"), "OUTPUT_HTML": str(results / "overlay_report.html"),
    })["results"]

    print("4/7 Grading into risk zones and control lines (tsr:riskzoning)")
    townships = f"{sample / 'sample_county.gpkg'}|layername=townships"
    zoning = qp.run("tsr:riskzoning", {
        "INPUT": overlay["OUTPUT"], "CLASSES": 5, "METHOD": 0, "MIN_AREA": 1.0, "UNITS": townships, "UNIT_FIELD": "name",
        "OUTPUT": str(results / "risk_grades.tif"), "OUTPUT_ZONES": str(results / "risk_zones.gpkg"),
        "OUTPUT_LINES": str(results / "risk_control_lines.gpkg"), "OUTPUT_TABLE": str(results / "risk_area_by_township.csv"),
        "OUTPUT_HTML": str(results / "zoning_report.html"),
    })["results"]
    print("5/7 Weighting the development criteria (tsr:ahpweights)")
    ahp = qp.run("tsr:ahpweights", {
        "MATRIX": AHP_JUDGEMENTS, "CRITERIA": ",".join(SUITABILITY_CRITERIA),
        "OUTPUT_TABLE": str(results / "ahp_weights.csv"), "OUTPUT_HTML": str(results / "ahp_report.html"),
    })["results"]
    print(f"    weights {ahp['WEIGHTS']}, CR {ahp['CR']:.3f}")

    print("6/7 Suitability for urban development under weight uncertainty (tsr:suitability)")
    high_risk = qp.run("native:extractbyexpression", {
        "INPUT": zoning["OUTPUT_ZONES"], "EXPRESSION": "grade >= 4", "OUTPUT": str(results / "high_risk_zones.gpkg"),
    })["results"]["OUTPUT"]
    gpkg = sample / "sample_county.gpkg"
    suitability = qp.run("tsr:suitability", {
        "CRITERIA": [str(sample / "slope.tif"), str(sample / "dem.tif"), overlay["OUTPUT"], str(sample / "population.tif")],
        "DIRECTIONS": SUITABILITY_DIRECTIONS, "WEIGHTS": ahp["WEIGHTS"], "METHOD": 0,
        "EXCLUSION_ZONES": [f"{gpkg}|layername=ecological_red_line", f"{gpkg}|layername=basic_farmland", high_risk],
        "WEIGHT_UNCERTAINTY": 15, "ITERATIONS": 1000, "SEED": 2020, "TOP_PERCENT": 10,
        "OUTPUT_MEAN": str(results / "suitability_mean.tif"), "OUTPUT_STD": str(results / "suitability_std.tif"),
        "OUTPUT_PROBABILITY": str(results / "suitability_probability.tif"), "OUTPUT_CLASS": str(results / "suitability_class.tif"),
        "OUTPUT_HTML": str(results / "suitability_report.html"),
    })["results"]
    print(f"    robustly suitable {suitability['ROBUST_AREA_HA']:.1f} ha, uncertain {suitability['UNCERTAIN_AREA_HA']:.1f} ha")
    summary = {"overlay": overlay, "zoning": zoning, "ahp": ahp, "suitability": suitability, "sample": files}
    (results / "results.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")

    print("7/7 Writing the styled QGIS project")
    from make_project import write_project

    project = write_project(out / "risk_path.qgz", sample, results, list(HAZARDS), zoning, suitability)

    print()
    print(f"Done in {time.time() - started:.0f} s. Breaks used: {zoning['BREAKS_USED']}; controlled zone "
          f"{zoning['CONTROLLED_AREA_HA']:.1f} ha; goodness of variance fit {zoning['GVF']:.3f}.")
    print(f"  QGIS project : {project}")
    print(f"  Reports      : {results / 'overlay_report.html'}")
    print(f"                 {results / 'zoning_report.html'}")
    print(f"                 {results / 'ahp_report.html'}")
    print(f"                 {results / 'suitability_report.html'}")
    print(f"  Layers       : {results}")
    print(f"  Sample county: {sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
