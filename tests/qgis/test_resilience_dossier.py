"""tsr:resiliencedossier on a results folder made by real runs on tiny data (risk zoning of three
value bands over two planning units, shelter coverage of two residential points): the findings'
numbers against hand computations and the runs' outputs, the PDF's text (pdftotext), fonts
(pdffonts) and pages (pdftoppm), the provenance checksums, skipped sections, qgis_process."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import unicodedata

import numpy as np
import pytest
from network_layers import save_layers
from qgis_runner import QgisProcess
from rasters import write_raster

CELL_HA = 30 * 30 / 10_000
#: Offsets of the unit and point layers (network_layers.X0/Y0) that put them on the raster (rasters.ORIGIN).
DX, DY = 480000.0 - 500000.0, 0.0


def sha256(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def square(x0, y0, x1, y1):
    return [(DX + x0, DY + y0), (DX + x1, DY + y0), (DX + x1, DY + y1), (DX + x0, DY + y1), (DX + x0, DY + y0)]


@pytest.fixture
def results(run, tmp_path):
    """A results folder with the records of tsr:riskzoning (with UNITS) and tsr:servicecoverage.

    Risk: 10 × 20 cells of 30 m, values 0.1 (columns 0–9), 0.5 (10–15), 0.9 (16–19) → three grades
    of 100, 60 and 40 cells. Units: West (x 0–300 m, 300 residents) and East (300–600 m, 100).
    Shelter at (100, −150); residents at (100, −100) (50 m: covered) and (700, −100) (≈ 602 m: not).
    """
    array = np.empty((10, 20), np.float32)
    array[:, :10], array[:, 10:16], array[:, 16:] = 0.1, 0.5, 0.9
    data = tmp_path / "data"
    data.mkdir()
    risk = write_raster(data / "risk.tif", array)
    save_layers(
        data,
        {
            "units": (
                "Polygon",
                "&field=name:string&field=code:string&field=population:integer",
                [(square(0, -300, 300, 0), ["West", "U1", 300]), (square(300, -300, 600, 0), ["East", "U2", 100])],
            ),
            "residents": (
                "Point",
                "&field=population:integer&field=township_code:string",
                [((DX + 100, -100), [300, "U1"]), ((DX + 700, -100), [100, "U2"])],
            ),
            "shelters": ("Point", "&field=name:string&field=capacity_persons:integer", [((DX + 100, -150), ["Park", 1000])]),
        },
    )
    out = tmp_path / "results"
    zoning = run(
        "riskzoning",
        {
            "INPUT": risk,
            "CLASSES": 3,
            "METHOD": 0,
            "MIN_AREA": 0,
            "UNITS": str(data / "units.gpkg"),
            "UNIT_FIELD": "name",
            "OUTPUT": str(out / "grades.tif"),
            "OUTPUT_ZONES": str(out / "zones.gpkg"),
            "OUTPUT_LINES": str(out / "lines.gpkg"),
            "OUTPUT_TABLE": str(out / "by_unit.csv"),
            "OUTPUT_HTML": str(out / "zoning.html"),
        },
    )
    coverage = run(
        "servicecoverage",
        {
            "DEMAND": str(data / "residents.gpkg"),
            "POPULATION_FIELD": "population",
            "FACILITIES": str(data / "shelters.gpkg"),
            "FACILITY_ID_FIELD": "name",
            "CAPACITY_FIELD": "capacity_persons",
            "PRESET": 1,
            "OUTPUT_DEMAND": str(out / "covered.gpkg"),
            "OUTPUT_FACILITIES": str(out / "load.gpkg"),
            "OUTPUT_AREAS": str(out / "areas.gpkg"),
            "OUTPUT_HTML": str(out / "coverage.html"),
        },
    )
    return out, data, zoning, coverage


def dossier(run, folder, tmp_path, language=1, paper=1, name="d"):
    return run(
        "resiliencedossier",
        {
            "RESULTS": str(folder),
            "TITLE": "Test county",
            "LANGUAGE": language,
            "PAPER": paper,
            "OUTPUT_PDF": str(tmp_path / f"{name}.pdf"),
            "OUTPUT_HTML": str(tmp_path / f"{name}.html"),
            "OUTPUT_JSON": str(tmp_path / f"{name}.json"),
        },
    )


def findings(data: dict) -> dict:
    return {f["key"]: {v["name"]: v["value"] for v in f["values"]} | {"en": f["en"], "zh": f["zh"]} for s in data["sections"] for f in s["findings"]}


def test_findings_equal_the_runs_outputs_and_hand_computations(run, results, tmp_path):
    folder, data, zoning, coverage = results
    answer = dossier(run, folder, tmp_path / "out")
    content = json.loads(open(answer["OUTPUT_JSON"], encoding="utf-8").read())
    f = findings(content)
    # study area: two 300 m × 300 m units, 300 + 100 residents
    assert f["study_area.extent"]["area"] == pytest.approx(18.0) and f["study_area.extent"]["population"] == 400 and f["study_area.extent"]["n"] == 2
    # the two highest of three grades: 60 + 40 cells
    assert f["risk.highest_grades"]["area"] == pytest.approx(100 * CELL_HA) and f["risk.highest_grades"]["share"] == pytest.approx(50.0)
    # control lines: one rectangle 120 m × 300 m around the 40 cells of grade 3
    assert f["control_lines.lines"]["length"] == pytest.approx(2 * (120 + 300) / 1000)
    assert f["control_lines.lines"]["area"] == zoning["CONTROLLED_AREA_HA"] == pytest.approx(40 * CELL_HA)
    assert f["control_lines.worst_unit"]["share"] == pytest.approx(40.0)  # East: 40 of its 100 cells
    assert "East" in f["control_lines.worst_unit"]["en"]
    # shelters: 300 of 400 residents within 500 m
    assert f["emergency.shelter_coverage"]["pct"] == coverage["COVERED_PERCENT"] == pytest.approx(75.0)
    assert "below the 100 % that GB 50413-2007 asks" in f["emergency.shelter_coverage"]["en"].replace("\u00a0", " ")
    assert f["emergency.shortfall"]["people"] == 100 and f["emergency.shortfall"]["worst"] == 100 and "East" in f["emergency.shortfall"]["en"]
    # actions name departments and rest on findings
    actions = [a for s in content["sections"] for a in s["actions"]]
    assert {a["department"]["key"] for a in actions} >= {"natural_resources", "emergency"}
    assert all(a["findings"] for a in actions)
    assert answer["FINDINGS"] == len(f) and answer["ACTIONS"] == len(actions)


def test_pdf_text_holds_the_findings_and_pages_hold_a_map(run, results, tmp_path):
    folder, *_ = results
    answer = dossier(run, folder, tmp_path / "out")
    content = json.loads(open(answer["OUTPUT_JSON"], encoding="utf-8").read())
    text = pdf_text(answer["OUTPUT_PDF"])
    for section in content["sections"]:
        for finding in section["findings"]:
            sentence = re.sub(r"\s+", " ", finding["en"].replace("\u00a0", " "))
            # every finding in full (the key findings on the cover or the section pages)
            assert sentence[:60] in text, sentence
    assert "75.0 % of residents live within 500 m of an emergency shelter" in text
    assert "0.8 km of risk control lines enclose 3.6 ha" in text
    # missing sections are skipped with a note, not an error
    skipped = {s["key"]: s for s in content["sections"] if s["skipped"]}
    assert set(skipped) == {"suitability", "scenarios", "ecology", "stress", "sets"}
    assert "Skipped: the results folder holds no run of tsr:setsindex" in text
    # a map page is not blank and shows the highest grade's red (#d73027 of the three grades)
    from qgis.PyQt.QtGui import QImage

    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "3", "-l", "3", answer["OUTPUT_PDF"], str(tmp_path / "page")], check=True)
    (png,) = list(tmp_path.glob("page*.png"))
    image = QImage(str(png)).convertToFormat(QImage.Format_RGB888)
    pixels = np.frombuffer(image.constBits().asstring(image.sizeInBytes()), np.uint8)
    pixels = pixels.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(int)
    assert (pixels.sum(axis=2) < 700).mean() > 0.05  # not blank
    red = (abs(pixels[..., 0] - 0xD7) < 25) & (abs(pixels[..., 1] - 0x30) < 25) & (abs(pixels[..., 2] - 0x27) < 25)
    assert red.sum() > 50


def test_provenance_checksums_equal_the_inputs(run, results, tmp_path):
    folder, data, *_ = results
    answer = dossier(run, folder, tmp_path / "out")
    content = json.loads(open(answer["OUTPUT_JSON"], encoding="utf-8").read())
    inputs = {i["path"]: i for i in content["provenance"]["inputs"]}
    for name in ("risk.tif", "units.gpkg", "residents.gpkg", "shelters.gpkg"):
        entry = inputs[str(data / name)]
        assert entry["sha256"] == sha256(data / name) and entry["unchanged"]
    text = pdf_text(answer["OUTPUT_PDF"])
    assert f"SHA-256 {sha256(data / 'risk.tif')}" in text
    assert [r["algorithm"] for r in content["provenance"]["runs"]] == ["tsr:riskzoning", "tsr:servicecoverage"]
    assert content["provenance"]["versions"]["qgis"]
    # an input changed after the run is flagged
    with open(data / "risk.tif", "ab") as handle:
        handle.write(b"\0")
    content = json.loads(open(dossier(run, folder, tmp_path / "again")["OUTPUT_JSON"], encoding="utf-8").read())
    assert not {i["path"]: i for i in content["provenance"]["inputs"]}[str(data / "risk.tif")]["unchanged"]


def test_chinese_dossier_embeds_a_cjk_font(run, results, tmp_path):
    folder, *_ = results
    answer = dossier(run, folder, tmp_path / "out", language=0, paper=0, name="zh")
    fonts = subprocess.run(["pdffonts", answer["OUTPUT_PDF"]], check=True, capture_output=True, text=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk)  # embedded
    text = pdf_text(answer["OUTPUT_PDF"])
    assert "75.0% 的居" in text and "GB 50413-2007" in text and "SHA-256" in text
    html = open(answer["OUTPUT_HTML"], encoding="utf-8").read()
    assert 'lang="zh-CN"' in html and "data:image/png;base64," in html


def test_qgis_process_and_a_folder_without_records(results, tmp_path):
    folder, *_ = results
    qp = QgisProcess(str(tmp_path / "profile"))
    answer = qp.run(
        "tsr:resiliencedossier",
        {
            "RESULTS": str(folder),
            "LANGUAGE": 2,
            "PAPER": 1,
            "SECTIONS": "2,6",
            "OUTPUT_PDF": str(tmp_path / "q.pdf"),
            "OUTPUT_JSON": str(tmp_path / "q.json"),
        },
    )
    assert answer["results"]["FINDINGS"] == 4  # control lines and worst unit; coverage and shortfall
    content = json.loads(open(tmp_path / "q.json", encoding="utf-8").read())
    assert [s["key"] for s in content["sections"]] == ["control_lines", "emergency"]
    text = pdf_text(tmp_path / "q.pdf")
    assert "0.8 km of risk control lines" in text and "75.0%" in text
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RuntimeError) as error:
        qp.run("tsr:resiliencedossier", {"RESULTS": str(empty), "OUTPUT_PDF": str(tmp_path / "e.pdf")})
    assert "holds no run record" in str(error.value) and "Traceback" not in str(error.value)
    assert not (tmp_path / "e.pdf").exists()
    # an output over the run records or a recorded file is refused, and the file is kept
    records = (folder / "tsr_runs.jsonl").read_bytes()
    for target in (folder / "tsr_runs.jsonl", folder / "by_unit.csv"):
        before = target.read_bytes()
        with pytest.raises(RuntimeError) as error:
            qp.run("tsr:resiliencedossier", {"RESULTS": str(folder), "OUTPUT_PDF": str(tmp_path / "x.pdf"), "OUTPUT_JSON": str(target)})
        message = str(error.value)
        assert "(OUTPUT_JSON)" in message and "is also an input" in message and "(RESULTS)" in message and "Traceback" not in message
        assert target.read_bytes() == before
    assert (folder / "tsr_runs.jsonl").read_bytes() == records


def map_page_red(pdf, tmp_path, page=3) -> int:
    """Pixels of the highest grade's red (#d73027) on `page` of `pdf`."""
    from qgis.PyQt.QtGui import QImage

    prefix = tmp_path / f"red{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), str(pdf), str(prefix)], check=True)
    (png,) = list(tmp_path.glob(f"{prefix.name}*.png"))
    image = QImage(str(png)).convertToFormat(QImage.Format_RGB888)
    pixels = np.frombuffer(image.constBits().asstring(image.sizeInBytes()), np.uint8)
    pixels = pixels.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(int)
    return int(((abs(pixels[..., 0] - 0xD7) < 25) & (abs(pixels[..., 1] - 0x30) < 25) & (abs(pixels[..., 2] - 0x27) < 25)).sum())


def test_project_styles_win_over_the_algorithms_styles(run, results, tmp_path):
    """A project showing grades.tif in grey lends its renderer: the risk map has no red left."""
    from qgis.core import QgsProject, QgsRasterLayer, QgsSingleBandGrayRenderer

    folder, *_ = results
    project = QgsProject()
    layer = QgsRasterLayer(str(folder / "grades.tif"), "grades", "gdal")
    layer.setRenderer(QgsSingleBandGrayRenderer(layer.dataProvider(), 1))
    project.addMapLayer(layer)
    assert project.write(str(tmp_path / "styles.qgz"))
    plain = run("resiliencedossier", {"RESULTS": str(folder), "LANGUAGE": 1, "PAPER": 1, "SECTIONS": [1], "OUTPUT_PDF": str(tmp_path / "a.pdf")})
    styled = run(
        "resiliencedossier",
        {
            "RESULTS": str(folder),
            "PROJECT": str(tmp_path / "styles.qgz"),
            "LANGUAGE": 1,
            "PAPER": 1,
            "SECTIONS": [1],
            "OUTPUT_PDF": str(tmp_path / "b.pdf"),
        },
    )
    assert map_page_red(plain["OUTPUT_PDF"], tmp_path, 2) > 50
    assert map_page_red(styled["OUTPUT_PDF"], tmp_path, 2) == 0
