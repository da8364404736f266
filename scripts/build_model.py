"""Write models/multi_hazard_risk_path.model3: normalise three hazards → overlay → zoning, then
AHP weights → suitability for development with the high-risk zones excluded.

The model is shipped with the plugin (open it in the Model Designer, or run it with
`qgis_process run models/multi_hazard_risk_path.model3 -- …`). Run this script with the
provider available (see the tests' conftest) after changing an algorithm's parameters:
    python3 scripts/build_model.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource as Source,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "multi_hazard_risk_path.model3"

HAZARDS = (
    ("flood", "Flood hazard (raw values, higher = more hazard)"),
    ("landslide", "Landslide hazard (raw values, higher = more hazard)"),
    ("seismic", "Seismic hazard (raw values, higher = more hazard)"),
)


def output(name: str, description: str, child: str, child_output: str) -> QgsProcessingModelOutput:
    out = QgsProcessingModelOutput(name, description)
    out.setChildId(child)
    out.setChildOutputName(child_output)
    return out


def build() -> QgsProcessingModelAlgorithm:
    model = QgsProcessingModelAlgorithm("Multi-hazard risk path", "Territorial Space Resilience", "tsr")
    model.setHelpContent({
        "ALG_DESC": "Normalises three hazard rasters (percentile min-max), overlays them with the given weights "
                    "and grades the result into risk zones with natural breaks and risk control lines.",
        "ALG_CREATOR": "Territorial Space Resilience toolkit",
    })
    for i, (name, description) in enumerate(HAZARDS):
        model.addModelParameter(QgsProcessingParameterRasterLayer(name, description), QgsProcessingModelParameter(name))
        model.parameterComponent(name).setPosition(QPointF(120, 80 + 110 * i))
    model.addModelParameter(QgsProcessingParameterString("weights", "Hazard weights (flood, landslide, seismic)", "0.4,0.3,0.3"), QgsProcessingModelParameter("weights"))
    model.parameterComponent("weights").setPosition(QPointF(120, 420))
    model.addModelParameter(QgsProcessingParameterEnum("method", "Combination method", ["Weighted sum", "Weighted geometric mean", "Maximum (worst case)", "Probabilistic union", "OWA"], defaultValue=0), QgsProcessingModelParameter("method"))
    model.parameterComponent("method").setPosition(QPointF(120, 500))
    model.addModelParameter(QgsProcessingParameterNumber("classes", "Number of risk grades", QgsProcessingParameterNumber.Type.Integer, 5, False, 2, 9), QgsProcessingModelParameter("classes"))
    model.parameterComponent("classes").setPosition(QPointF(120, 580))
    model.addModelParameter(QgsProcessingParameterNumber("min_area", "Minimum patch area (ha)", QgsProcessingParameterNumber.Type.Double, 1.0, False, 0.0), QgsProcessingModelParameter("min_area"))
    model.parameterComponent("min_area").setPosition(QPointF(120, 660))
    model.addModelParameter(QgsProcessingParameterRasterLayer("slope", "Slope (degrees) for development suitability"), QgsProcessingModelParameter("slope"))
    model.parameterComponent("slope").setPosition(QPointF(120, 740))
    model.addModelParameter(QgsProcessingParameterString("judgements", "AHP judgement: slope against multi-hazard risk (Saaty scale)", "1/2"), QgsProcessingModelParameter("judgements"))
    model.parameterComponent("judgements").setPosition(QPointF(120, 820))
    model.addModelParameter(QgsProcessingParameterNumber("weight_uncertainty", "Weight uncertainty (CV, %)", QgsProcessingParameterNumber.Type.Double, 15.0, False, 0.0, 100.0), QgsProcessingModelParameter("weight_uncertainty"))
    model.parameterComponent("weight_uncertainty").setPosition(QPointF(120, 900))

    for i, (name, _) in enumerate(HAZARDS):
        child = QgsProcessingModelChildAlgorithm("tsr:normalizehazard")
        child.setChildId(f"normalize_{name}")
        child.setDescription(f"Normalise {name}")
        child.addParameterSources("INPUT", [Source.fromModelParameter(name)])
        child.addParameterSources("BAND", [Source.fromStaticValue(1)])
        child.addParameterSources("METHOD", [Source.fromStaticValue(1)])
        child.addParameterSources("DIRECTION", [Source.fromStaticValue(0)])
        child.setPosition(QPointF(420, 80 + 110 * i))
        model.addChildAlgorithm(child)

    overlay = QgsProcessingModelChildAlgorithm("tsr:multihazardoverlay")
    overlay.setChildId("overlay")
    overlay.setDescription("Multi-hazard overlay")
    overlay.addParameterSources("HAZARDS", [Source.fromChildOutput(f"normalize_{name}", "OUTPUT") for name, _ in HAZARDS])
    overlay.addParameterSources("WEIGHTS", [Source.fromModelParameter("weights")])
    overlay.addParameterSources("METHOD", [Source.fromModelParameter("method")])
    overlay.addParameterSources("THRESHOLD", [Source.fromStaticValue(0.5)])
    overlay.addParameterSources("NODATA_POLICY", [Source.fromStaticValue(0)])
    overlay.setModelOutputs({
        "risk_index": output("risk_index", "Multi-hazard risk index", "overlay", "OUTPUT"),
        "dominant_hazard": output("dominant_hazard", "Dominant hazard", "overlay", "OUTPUT_DOMINANT"),
    })
    overlay.setPosition(QPointF(720, 190))
    model.addChildAlgorithm(overlay)

    zoning = QgsProcessingModelChildAlgorithm("tsr:riskzoning")
    zoning.setChildId("zoning")
    zoning.setDescription("Risk zoning and control lines")
    zoning.addParameterSources("INPUT", [Source.fromChildOutput("overlay", "OUTPUT")])
    zoning.addParameterSources("CLASSES", [Source.fromModelParameter("classes")])
    zoning.addParameterSources("METHOD", [Source.fromStaticValue(0)])
    zoning.addParameterSources("MIN_AREA", [Source.fromModelParameter("min_area")])
    zoning.setModelOutputs({
        "risk_grades": output("risk_grades", "Risk grades", "zoning", "OUTPUT"),
        "risk_zones": output("risk_zones", "Risk zones", "zoning", "OUTPUT_ZONES"),
        "risk_control_lines": output("risk_control_lines", "Risk control lines", "zoning", "OUTPUT_LINES"),
        "zoning_report": output("zoning_report", "Zoning report", "zoning", "OUTPUT_HTML"),
    })
    zoning.setPosition(QPointF(1000, 190))
    model.addChildAlgorithm(zoning)

    high_risk = QgsProcessingModelChildAlgorithm("native:extractbyexpression")
    high_risk.setChildId("high_risk")
    high_risk.setDescription("High-risk zones (controlled grades)")
    high_risk.addParameterSources("INPUT", [Source.fromChildOutput("zoning", "OUTPUT_ZONES")])
    high_risk.addParameterSources("EXPRESSION", [Source.fromStaticValue("grade >= @classes - 1")])
    high_risk.setPosition(QPointF(1000, 420))
    model.addChildAlgorithm(high_risk)

    ahp = QgsProcessingModelChildAlgorithm("tsr:ahpweights")
    ahp.setChildId("ahp")
    ahp.setDescription("AHP weights of the development criteria")
    ahp.addParameterSources("MATRIX", [Source.fromModelParameter("judgements")])
    ahp.addParameterSources("CRITERIA", [Source.fromStaticValue("slope,multi-hazard risk")])
    ahp.addParameterSources("MAX_CR", [Source.fromStaticValue(0.1)])
    ahp.setPosition(QPointF(720, 560))
    model.addChildAlgorithm(ahp)

    suitability = QgsProcessingModelChildAlgorithm("tsr:suitability")
    suitability.setChildId("suitability")
    suitability.setDescription("Development suitability under uncertainty")
    suitability.addParameterSources("CRITERIA", [Source.fromModelParameter("slope"), Source.fromChildOutput("overlay", "OUTPUT")])
    suitability.addParameterSources("DIRECTIONS", [Source.fromStaticValue("-,-")])
    suitability.addParameterSources("WEIGHTS", [Source.fromChildOutput("ahp", "WEIGHTS")])
    suitability.addParameterSources("METHOD", [Source.fromStaticValue(0)])
    suitability.addParameterSources("EXCLUSION_ZONES", [Source.fromChildOutput("high_risk", "OUTPUT")])
    suitability.addParameterSources("WEIGHT_UNCERTAINTY", [Source.fromModelParameter("weight_uncertainty")])
    suitability.addParameterSources("CRITERION_UNCERTAINTY", [Source.fromStaticValue(0.0)])
    suitability.addParameterSources("ITERATIONS", [Source.fromStaticValue(500)])
    suitability.addParameterSources("SEED", [Source.fromStaticValue(1)])
    suitability.addParameterSources("TOP_PERCENT", [Source.fromStaticValue(20)])
    suitability.setModelOutputs({
        "suitability_class": output("suitability_class", "Robustness class", "suitability", "OUTPUT_CLASS"),
        "suitability_probability": output("suitability_probability", "Probability of being suitable", "suitability", "OUTPUT_PROBABILITY"),
    })
    suitability.setPosition(QPointF(1000, 620))
    model.addChildAlgorithm(suitability)
    return model


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis_runner import plugin_package_parent

    sys.path.insert(0, str(plugin_package_parent()))
    from territorial_resilience.processing_provider.provider import TerritorialResilienceProvider

    provider = TerritorialResilienceProvider()
    if not QgsApplication.processingRegistry().addProvider(provider):
        print("the tsr provider could not be registered")
        return 1
    model = build()
    model.initAlgorithm()
    valid, problems = model.validate()
    if not valid:
        print("\n".join(problems))
        return 1
    MODEL.parent.mkdir(exist_ok=True)
    if not model.toFile(str(MODEL)):
        return 1
    print(MODEL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
