"""The dossier's core without QGIS: GeoPackage reading (against GDAL's OGR), run records, number
formatting, findings computed from output files (against hand sums) and the rules of the
proposed actions."""

from __future__ import annotations

import csv
import hashlib
import json

import pytest
from osgeo import ogr, osr

from territorial_resilience.algorithms.common.messages import InputError
from territorial_resilience.algorithms.dossier import actions, dossier, findings, geopackage, records
from territorial_resilience.algorithms.dossier.model import SECTIONS
from territorial_resilience.algorithms.dossier.text import NBSP, number, shown


def write_gpkg(path, name, geometry_type, fields, rows, epsg=4547):
    """A GeoPackage layer written by GDAL/OGR: rows of (WKT, {field: value})."""
    driver = ogr.GetDriverByName("GPKG")
    source = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer(name, srs, geometry_type)
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for key, value in values.items():
            feature.SetField(key, value)
        layer.CreateFeature(feature)
        feature = None
    layer = None  # GDAL objects released child first (its Python bindings crash otherwise)
    source = None
    return str(path)


def test_geopackage_geometries_and_attributes_equal_ogr(tmp_path):
    path = write_gpkg(
        tmp_path / "l.gpkg",
        "lines",
        ogr.wkbLineString,
        [("length_m", ogr.OFTReal), ("kind", ogr.OFTString)],
        [("LINESTRING (0 0, 300 400)", {"length_m": 500.0, "kind": "outer"}), ("LINESTRING (0 0, 0 10, 10 10)", {"length_m": 20.0, "kind": "hole"})],
    )
    rows = geopackage.read(f"{path}|layername=lines", with_geometry=True)
    assert [r["kind"] for r in rows] == ["outer", "hole"]
    source = ogr.Open(path)  # kept alive while its layer is read (GDAL's Python bindings)
    ogr_lengths = [f.GetGeometryRef().Length() for f in source.GetLayer(0)]
    ours = [r["__geometry__"].length for r in rows]
    source = None
    assert ours == pytest.approx(ogr_lengths)
    assert ours == pytest.approx([500.0, 20.0])
    assert geopackage.srs_id(path) == 4547
    assert geopackage.split_source("a.gpkg|layername=roads|subset=x") == ("a.gpkg", "roads")
    assert geopackage.read(str(tmp_path / "missing.gpkg")) == []


def test_a_table_reads_alike_from_csv_and_geopackage(tmp_path):
    """The guide writes table outputs as GeoPackages, qgis_process and the main job as CSV."""
    rows = [{"unit": "Chengguan 城关镇", "grade_5_ha": 901.7}, {"unit": "Heping 和平镇", "grade_5_ha": 423.2}]
    with open(tmp_path / "t.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["unit", "grade_5_ha"])
        writer.writeheader()
        writer.writerows(rows)
    gpkg = write_gpkg(tmp_path / "t.gpkg", "t", ogr.wkbNone, [("unit", ogr.OFTString), ("grade_5_ha", ogr.OFTReal)], [(None, r) for r in rows])
    from_csv = findings.read_table(str(tmp_path / "t.csv"))
    from_gpkg = findings.read_table(gpkg)
    assert [(r["unit"], float(r["grade_5_ha"])) for r in from_csv] == [(r["unit"], r["grade_5_ha"]) for r in rows]
    assert [(r["unit"], float(r["grade_5_ha"])) for r in from_gpkg] == [(r["unit"], r["grade_5_ha"]) for r in rows]
    assert findings.read_table(str(tmp_path / "missing.csv")) == []


def test_numbers_are_written_per_language():
    assert number(2259.54, 1, "en") == f"2{NBSP}259.5"
    assert number(2259.54, 1, "zh") == "2259.5"
    assert shown(27.450478, 1, "en", "%") == f"27.5{NBSP}%"
    assert shown(27.450478, 1, "zh", "%") == "27.5%"
    assert shown(8.4, 1, "zh", "km") == f"8.4{NBSP}千米"
    assert number(float("nan"), 1, "en") == "–"


def record(algorithm, parameters, outputs, inputs=(), numbers=None):
    files = [{"output": k, "path": v, "bytes": len(open(v, "rb").read()), "sha256": "x"} for k, v in outputs.items() if isinstance(v, str)]
    return {
        "record": 1,
        "algorithm": algorithm,
        "started": "2026-12-06T08:00:00+00:00",
        "finished": "2026-12-06T08:00:01+00:00",
        "seconds": 1.0,
        "parameters": parameters,
        "inputs": [
            {"parameter": "INPUT", "path": p, "bytes": len(open(p, "rb").read()), "sha256": hashlib.sha256(open(p, "rb").read()).hexdigest()}
            for p in inputs
        ],
        "outputs": outputs,
        "files": files,
        "numbers": numbers or {k: v for k, v in outputs.items() if isinstance(v, (int, float))},
        "versions": {"plugin": "0", "qgis": "3.22", "gdal": "3.6", "python": "3.11", "numpy": "1.24"},
    }


@pytest.fixture
def folder(tmp_path):
    """Outputs as tsr:riskzoning and tsr:servicecoverage write them, with their records."""
    units = write_gpkg(
        tmp_path / "units.gpkg",
        "townships",
        ogr.wkbPolygon,
        [("name", ogr.OFTString), ("code", ogr.OFTString), ("population", ogr.OFTInteger)],
        [
            ("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))", {"name": "A", "code": "1", "population": 600}),
            ("POLYGON ((1000 0, 3000 0, 3000 1000, 1000 1000, 1000 0))", {"name": "B", "code": "2", "population": 400}),
        ],
    )
    zones = write_gpkg(
        tmp_path / "zones.gpkg",
        "zones",
        ogr.wkbPolygon,
        [("grade", ogr.OFTInteger), ("area_ha", ogr.OFTReal), ("share_pct", ogr.OFTReal)],
        [("POLYGON ((0 0, 1 0, 1 1, 0 0))", {"grade": g, "area_ha": a, "share_pct": a / 3.0}) for g, a in ((1, 150.0), (2, 100.0), (3, 50.0))],
    )
    lines = write_gpkg(
        tmp_path / "lines.gpkg",
        "lines",
        ogr.wkbLineString,
        [("min_grade", ogr.OFTInteger), ("length_m", ogr.OFTReal)],
        [("LINESTRING (0 0, 1200 0)", {"min_grade": 3, "length_m": 1200.0}), ("LINESTRING (0 0, 300 0)", {"min_grade": 3, "length_m": 300.0})],
    )
    table = tmp_path / "by_unit.csv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit", "grade1_ha", "grade2_ha", "grade3_ha", "total_ha", "controlled_ha", "controlled_pct"])
        writer.writerow(["A", 60, 30, 10, 100, 10, 10.0])
        writer.writerow(["B", 90, 70, 40, 200, 40, 20.0])
    blocks = write_gpkg(
        tmp_path / "blocks.gpkg",
        "blocks",
        ogr.wkbPoint,
        [("population", ogr.OFTInteger), ("township_code", ogr.OFTString), ("covered_500", ogr.OFTInteger)],
        [("POINT (1 1)", {"population": p, "township_code": c, "covered_500": v}) for p, c, v in ((500, "1", 1), (100, "1", 0), (400, "2", 0))],
    )
    grades = tmp_path / "grades.tif"
    grades.write_bytes(b"grades")
    entries = [
        record(
            "tsr:riskzoning",
            {"CLASSES": "3", "UNITS": f"{units}|layername=townships"},
            {"OUTPUT": str(grades), "OUTPUT_ZONES": zones, "OUTPUT_LINES": lines, "OUTPUT_TABLE": str(table), "CONTROLLED_AREA_HA": 50.0},
            inputs=[units],
        ),
        record("tsr:servicecoverage", {"PRESET": "1", "POPULATION_FIELD": "population"}, {"OUTPUT_DEMAND": blocks, "COVERED_PERCENT": 50.0}),
    ]
    with open(tmp_path / "tsr_runs.jsonl", "w", encoding="utf-8") as handle:
        handle.write("not json\n")
        for entry in entries:
            handle.write(json.dumps(entry) + "\n")
    return tmp_path


def values(section, key):
    finding = next(f for f in section.findings if f.key == f"{section.key}.{key}")
    return {v.name: v.value for v in finding.values}, finding


def test_findings_are_hand_sums_of_the_outputs(folder):
    results = records.load(str(folder))
    assert results.skipped_lines == 1 and [r.name for r in results.runs] == ["riskzoning", "servicecoverage"]
    area, _ = values(findings.study_area(results), "extent")
    assert area == {"n": 2, "area": pytest.approx(300.0), "population": 1000}  # 100 ha + 200 ha
    risk, finding = values(findings.risk(results), "highest_grades")
    assert risk == {"area": 150.0, "share": pytest.approx(50.0)}  # grades 2 and 3 of 3
    assert finding.text("en") == f"150.0{NBSP}ha (50.0{NBSP}%) of the study area lie in the two highest risk grades (Medium and High)."
    assert finding.text("zh") == f"150.0{NBSP}公顷（占研究区 50.0%）位于两个最高风险等级（中、高）。"
    worst, finding = values(findings.risk(results), "worst_unit")
    assert worst == {"area": 110.0, "share": pytest.approx(55.0)} and "B" in finding.text("en")
    lines, _ = values(findings.control_lines(results), "lines")
    assert lines == {"length": pytest.approx(1.5), "area": 50.0, "share": pytest.approx(50.0 / 3.0)}
    section = findings.emergency(results)
    coverage, finding = values(section, "shelter_coverage")
    assert coverage["pct"] == 50.0 and "below the 100" in finding.text("en")
    shortfall, finding = values(section, "shortfall")
    assert shortfall == {"people": 500, "reach": 500.0, "worst": 400} and "B" in finding.text("en")


def test_rules_propose_actions_for_the_departments(folder):
    results = records.load(str(folder))
    section = findings.emergency(results)
    actions.propose(section)
    assert [(a.key, a.department) for a in section.actions] == [("emergency.shelters", "emergency")]
    assert "500" in section.actions[0].text.en and "GB 50413-2007" in section.actions[0].text.zh
    lines = findings.control_lines(results)
    actions.propose(lines)
    assert [a.department for a in lines.actions] == ["natural_resources"]
    # full coverage: no shelter proposal
    section.findings[0].values[0] = type(section.findings[0].values[0])("pct", 100.0, 1, "%", "test")
    section.actions.clear()
    actions.propose(section)
    assert section.actions == []


def test_dossier_skips_missing_sections_with_a_note_and_checks_inputs(folder):
    built = dossier.build(str(folder), SECTIONS, "t")
    skipped = {s.key: s.note.en for s in built.sections if s.skipped}
    assert set(skipped) == {"suitability", "scenarios", "ecology", "stress", "sets"}
    assert "tsr:setsindex" in skipped["sets"]
    (entry,) = built.inputs
    assert entry.unchanged and entry.sha256 == hashlib.sha256(open(folder / "units.gpkg", "rb").read()).hexdigest()
    data = built.as_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False))["sections"][1]["findings"][0]["values"][0]["value"] == 150.0
    with pytest.raises(InputError):
        dossier.build(str(folder / "nowhere"))
    with pytest.raises(InputError):
        dossier.build(str(folder), ["moon"])
    (folder / "empty").mkdir()
    with pytest.raises(InputError):
        dossier.build(str(folder / "empty"))


def test_runs_whose_files_changed_are_not_used(folder):
    with open(folder / "by_unit.csv", "a", encoding="utf-8") as handle:
        handle.write("C,1,1,1,3,1,33.3\n")  # a later run overwrote the table
    results = records.load(str(folder))
    assert results.latest("riskzoning") is None and results.latest("servicecoverage") is not None
    assert findings.risk(results).skipped
