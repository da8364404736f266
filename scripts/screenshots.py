"""Screenshots of the SETS guide, in English and in Chinese, from a real QGIS window under Xvfb:
docs/screenshots/wizard_<step>_<en|zh>.png (and path 2's land-use scenarios tab, the AHP dialog
and the main window).

    scripts/screenshots.sh [OUT_DIR]        (default: docs/screenshots)

This file has two parts. Run with Python, it is the driver: it generates the sample county, makes
an isolated QGIS profile per language (the plugin linked into profiles/default/python/plugins and
enabled, the interface language set by locale/userLocale and locale/overrideFlag) and starts
`xvfb-run qgis.bin --code scripts/screenshots.py` for each. Run by QGIS (TSR_SCREENSHOT_RUN set),
it loads the county, opens the guide from the plugin, goes through every step on the sample
county as in scripts/main_job.py, and grabs the windows.

TSR_SCREENSHOT_QM=/path/to/territorial_resilience_zh_CN.qm uses that compiled translation instead
of the shipped one (to look at new strings before they are merged into i18n/).
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    ROOT = Path(__file__).resolve().parents[1]
except NameError:  # QGIS runs --code files without setting __file__
    ROOT = Path(os.environ["TSR_SCREENSHOT_ROOT"])
PLUGIN = "territorial_resilience"
LOCALES = {"en": "en_US", "zh": "zh-Hans"}  # QGIS's own interface languages
VECTORS = (
    "townships",
    "residential_blocks",
    "shelters",
    "hospitals",
    "candidate_sites",
    "roads",
    "river",
    "ecological_red_line",
    "basic_farmland",
    "chemical_plant",
)
RASTERS = ("flood_depth", "landslide_susceptibility", "seismic_pga", "chemical_accident", "heat_lst", "slope", "dem", "population", "landcover")
#: The county's land cover classes and their resistances (scripts/main_job.py): 1 cropland, 2 forest,
#: 3 grassland, 4 water, 5 built-up, 6 wetland; habitat is forest and wetland.
RESISTANCE_TABLE = [("1", "30"), ("2", "1"), ("3", "20"), ("4", "100"), ("5", "500"), ("6", "10")]
#: Path 1 weights and path 2 judgements of scripts/main_job.py.
HAZARD_WEIGHTS = {"flood_depth": 0.30, "landslide_susceptibility": 0.25, "seismic_pga": 0.20, "chemical_accident": 0.15, "heat_lst": 0.10}
CRITERIA = ("slope", "dem", "Multi-hazard risk index", "population")
#: Path 2's land uses besides urban (named by the planner, in the interface's language) and their
#: suitability layers.
USE_NAMES = {"en": ("farmland", "forest"), "zh": ("耕地", "林地")}
USE_LAYERS = {"en": ("farmland suitability", "forest suitability"), "zh": ("耕地适宜性", "林地适宜性")}
JUDGEMENTS = {
    ("slope", "dem"): "3",
    ("slope", "Multi-hazard risk index"): "1/2",
    ("slope", "population"): "2",
    ("dem", "Multi-hazard risk index"): "1/4",
    ("dem", "population"): "1/2",
    ("Multi-hazard risk index", "population"): "3",
}


# --- driver (plain Python) -------------------------------------------------------------------


def make_profile(folder: Path, locale: str) -> Path:
    """A QGIS profile folder with only this plugin, enabled, and the interface language set."""
    plugins = folder / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / PLUGIN
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    ini = folder / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = configparser.ConfigParser(interpolation=None)
    settings.optionxform = str
    settings["PythonPlugins"] = {PLUGIN: "true"}
    settings["locale"] = {"userLocale": locale, "overrideFlag": "true"}
    settings["qgis"] = {"checkVersion": "false", "showTips322": "false", "allowVersionCheck": "false", "showNewsFeed": "false"}
    settings["core"] = {"NewsFeed%5Chttps%3A%2F%2Ffeed.qgis.org%5Cdisabled": "true"}
    settings["app"] = {"crash_report_enabled": "false"}
    with ini.open("w", encoding="utf-8") as f:
        settings.write(f)
    return folder


def drive(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tsr-screenshots-"))
    spec = importlib.util.spec_from_file_location("generate_sample_county", ROOT / "sample_data" / "generate_sample_county.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    print(f"Generating the sample county in {work / 'county'}")
    generator.generate(str(work / "county"))
    status = 0
    for lang, locale in LOCALES.items():
        profile = make_profile(work / f"profile-{lang}", locale)
        runtime = work / f"runtime-{lang}"
        runtime.mkdir(mode=0o700)
        env = dict(
            os.environ,
            QGIS_CUSTOM_CONFIG_PATH=str(profile),
            XDG_RUNTIME_DIR=str(runtime),
            TSR_SCREENSHOT_RUN="1",
            TSR_SCREENSHOT_LANG=lang,
            TSR_SCREENSHOT_OUT=str(out.resolve()),
            TSR_SCREENSHOT_DATA=str(work / "county"),
            TSR_SCREENSHOT_WORK=str(work / f"project-{lang}"),
            TSR_SCREENSHOT_ROOT=str(ROOT),
        )
        command = [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1680x1050x24",
            "qgis.bin",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(ROOT / "scripts" / "screenshots.py"),
        ]
        print(f"{lang}: {' '.join(command)}")
        process = subprocess.Popen(command, env=env, start_new_session=True)
        try:
            code = process.wait(timeout=900)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGTERM)
            code = 1
        log = work / f"screenshots-{lang}.log"
        print(log.read_text(encoding="utf-8") if log.exists() else f"{lang}: no log written")
        status = status or code
    print(f"Screenshots in {out}")
    if status == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"Work folder kept for inspection: {work}")
    return status


# --- inside QGIS -----------------------------------------------------------------------------


def in_qgis() -> None:
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QTimer, QTranslator
    from qgis.utils import iface, plugins

    lang = os.environ["TSR_SCREENSHOT_LANG"]
    out = Path(os.environ["TSR_SCREENSHOT_OUT"])
    county = Path(os.environ["TSR_SCREENSHOT_DATA"])
    work = Path(os.environ["TSR_SCREENSHOT_WORK"])
    log = open(work.parent / f"screenshots-{lang}.log", "w", encoding="utf-8")

    def say(text: str) -> None:
        log.write(text + "\n")
        log.flush()

    def wait(condition, seconds: float = 300.0) -> bool:
        end = time.time() + seconds
        while not condition():
            if time.time() > end:
                say("timed out")
                return False
            QCoreApplication.processEvents()
            time.sleep(0.02)
        return True

    def settle(seconds: float = 0.6) -> None:
        """Let the windows paint."""
        end = time.time() + seconds
        while time.time() < end:
            QCoreApplication.processEvents()
            time.sleep(0.02)

    def grab(widget, name: str) -> None:
        settle()
        path = out / f"{name}_{lang}.png"
        widget.grab().save(str(path))
        say(f"saved {path}")

    def main() -> None:
        try:
            run()
        except Exception:  # noqa: BLE001 — written to the log, then QGIS quits
            import traceback

            say(traceback.format_exc())
        finally:
            QgsProject.instance().setDirty(False)
            log.close()
            QTimer.singleShot(200, lambda: os._exit(0))

    def run() -> None:
        plugin = plugins[PLUGIN]
        if lang == "zh":
            # The plugin in Chinese: its translator, then the provider and menu made again so that
            # the algorithms' option lists are translated too.
            plugin.unload()
            qm = os.environ.get("TSR_SCREENSHOT_QM")
            if qm:
                translator = QTranslator()
                assert translator.load(qm), qm
                QCoreApplication.installTranslator(translator)
                in_qgis.translator = translator
            else:
                from territorial_resilience.i18n import install_translator

                install_translator("zh_CN")
            plugin.initGui()

        project = QgsProject.instance()
        project.clear()
        project.setCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
        layers = [QgsVectorLayer(f"{county / 'sample_county.gpkg'}|layername={name}", name, "ogr") for name in VECTORS]
        layers += [QgsRasterLayer(str(county / f"{name}.tif"), name) for name in RASTERS]
        for layer in layers:
            project.addMapLayer(layer, False)
            node = project.layerTreeRoot().addLayer(layer)
            node.setItemVisibilityChecked(layer.name() in ("townships", "roads", "river", "dem"))
        work.mkdir(parents=True, exist_ok=True)
        project.write(str(work / "sample_county.qgz"))
        iface.mainWindow().showMaximized()
        iface.mapCanvas().setExtent(project.mapLayersByName("townships")[0].extent())
        settle(1.0)

        from territorial_resilience.ui.wizard import SetsWizard

        plugin.open_wizard()
        wizard: SetsWizard = plugin.wizard
        wizard.resize(1280, 880)
        wizard.move(40, 30)
        settle(1.0)
        grab(wizard, "wizard_1")

        wizard.next()
        grab(wizard, "wizard_2")

        wizard.next()
        grab(wizard, "wizard_3")

        wizard.next()
        ecology = wizard.ecology
        ecology.set_table(RESISTANCE_TABLE)
        ecology.habitat_classes.setText("2, 6")
        ecology.run()
        wait(lambda: not ecology.running)
        wait(lambda: ecology.sources_chart.kind is not None, 30)
        say(ecology.panel.banner.text())
        grab(wizard, "wizard_ecology")

        wizard.next()
        risk = wizard.risk
        for name, weight in HAZARD_WEIGHTS.items():
            risk.set_hazard(name, use=True, weight=weight)
        risk.run()
        wait(lambda: not risk.running)
        wait(lambda: risk.areas.kind is not None, 30)
        say(risk.panel.banner.text())
        grab(wizard, "wizard_4")

        wizard.next()
        zoning = wizard.zoning
        dialog = zoning.open_ahp()
        names = [row["name"] for row in zoning.criteria_rows() if row["use"]]
        say(f"criteria {names}")
        for (a, b), value in JUDGEMENTS.items():
            i, j = names.index(_translated(a)), names.index(_translated(b))
            if i < j:
                dialog.set_judgement(i, j, value)
            else:
                dialog.set_judgement(j, i, "1/" + value if "/" not in value else value.split("/")[1])
        dialog.compute()
        wait(lambda: bool(dialog.weights), 60)
        dialog.move(200, 80)
        grab(dialog, "ahp_dialog")
        dialog.accept()
        zoning.run()
        wait(lambda: not zoning.running)
        wait(lambda: zoning.probability_chart.kind is not None, 30)
        say(zoning.panel.banner.text())
        grab(wizard, "wizard_5")

        # Path 2's second tab, the land-use scenarios, as scripts/main_job.py plans the county: the
        # planner's farmland and forest suitability from the slope and the land cover added first.
        import processing
        from qgis.core import QgsRasterLayer as Raster

        farmland_name, forest_name = USE_NAMES[lang]
        rasters = {
            USE_LAYERS[lang][0]: processing.run(
                "tsr:normalizehazard",
                {
                    "INPUT": str(county / "slope.tif"),
                    "METHOD": 2,
                    "DIRECTION": 1,
                    "LOWER": 2,
                    "UPPER": 15,
                    "OUTPUT": str(work / "farmland_suitability.tif"),
                },
            )["OUTPUT"],
            USE_LAYERS[lang][1]: processing.run(
                "tsr:normalizehazard",
                {
                    "INPUT": str(county / "slope.tif"),
                    "METHOD": 2,
                    "DIRECTION": 0,
                    "LOWER": 5,
                    "UPPER": 25,
                    "OUTPUT": str(work / "forest_suitability.tif"),
                },
            )["OUTPUT"],
        }
        added = {}
        for name, file in rasters.items():
            added[name] = Raster(file, name)
            project.addMapLayer(added[name], False)
            project.layerTreeRoot().addLayer(added[name]).setItemVisibilityChecked(False)
        zoning.refresh()
        scenarios = zoning.scenarios
        scenarios.set_use(scenarios.uses()[0]["name"], demand=2040, tolerance=3, classes="5")
        scenarios.set_use(farmland_name, raster=added[USE_LAYERS[lang][0]], demand=6650, tolerance=2, classes="1")
        scenarios.set_use(forest_name, raster=added[USE_LAYERS[lang][1]], demand=15000, tolerance=2, classes="2")
        scenarios.cell_size.setValue(300)
        scenarios.population_size.setValue(60)
        scenarios.generations.setValue(100)
        scenarios.seed.setValue(2020)
        scenarios.kept.setValue(5)
        zoning.tabs.setCurrentWidget(scenarios)
        scenarios.run()
        wait(lambda: not scenarios.running)
        wait(lambda: scenarios.chart.kind is not None, 30)
        say(scenarios.panel.banner.text())
        say(scenarios.summary.text())
        grab(wizard, "wizard_5_scenarios")
        zoning.tabs.setCurrentIndex(0)

        wizard.next()
        network = wizard.network
        network.run()
        wait(lambda: not network.running)
        wait(lambda: network.distance_chart.kind is not None, 30)
        say(network.panel.banner.text())
        grab(wizard, "wizard_6")
        # Path 3's stress test: the high-risk zones of path 1 close the roads
        network.tabs.setCurrentIndex(1)
        network.stress.refresh()
        network.stress.run()
        wait(lambda: not network.stress.running)
        wait(lambda: network.stress.critical_chart.kind is not None, 30)
        say(network.stress.panel.banner.text())
        grab(wizard, "wizard_6_stress")
        network.tabs.setCurrentIndex(0)

        wizard.next()
        summary = wizard.summary
        summary.run()
        wait(lambda: not summary.running)
        wait(lambda: summary.sets_chart.kind is not None, 30)
        say(summary.panel.banner.text())
        summary.save_model(str(work / "sets_resilience_guide.model3"))
        grab(wizard, "wizard_7")

        wizard.hide()
        # The main window: the layer tree of the guide's groups beside the map of the risk zones,
        # their control lines and the emergency network.
        from qgis.PyQt.QtWidgets import QDockWidget

        for dock in iface.mainWindow().findChildren(QDockWidget):
            if dock.objectName() == "Browser":
                dock.hide()
        root = project.layerTreeRoot()
        iface.layerTreeView().collapseAllNodes()
        for group in root.findGroups():
            path = group.customProperty("territorial_resilience/group")
            group.setItemVisibilityChecked(path in ("risk", "network"))
            group.setExpanded(path in ("risk", "network"))
        for name in ("Risk grades", "Area per grade and unit"):
            for layer in project.mapLayersByName(_translated_output(name)):
                root.findLayer(layer.id()).setItemVisibilityChecked(False)
        iface.mapCanvas().setExtent(project.mapLayersByName("townships")[0].extent())
        iface.mapCanvas().refreshAllLayers()
        settle(1.0)
        wait(lambda: not iface.mapCanvas().isDrawing(), 60)
        grab(iface.mainWindow(), "main_window")

    def _translated_output(name: str) -> str:
        """An output's layer name in the interface's language."""
        from territorial_resilience.ui.widgets import output_description

        alg_id, output = {"Risk grades": ("tsr:riskzoning", "OUTPUT"), "Area per grade and unit": ("tsr:riskzoning", "OUTPUT_TABLE")}[name]
        return output_description(alg_id, output, name)

    def _translated(name: str) -> str:
        """The criterion names as the table shows them (the risk index is named in the UI's language)."""
        if name == "Multi-hazard risk index":
            from territorial_resilience.ui.widgets import output_description

            return output_description("tsr:multihazardoverlay", "OUTPUT", name)
        return name

    QTimer.singleShot(3000, main)


if os.environ.get("TSR_SCREENSHOT_RUN"):
    in_qgis()
elif __name__ == "__main__":
    sys.exit(drive(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
