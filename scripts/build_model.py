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
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "multi_hazard_risk_path.model3"

HAZARDS = (
    ("flood", "Flood hazard (raw values, higher = more hazard)"),
    ("landslide", "Landslide hazard (raw values, higher = more hazard)"),
    ("seismic", "Seismic hazard (raw values, higher = more hazard)"),
)


def build():
    """The model: each step is a child algorithm (ui/chain.py), written by ui/model_export.py."""
    from territorial_resilience.ui.chain import Input, Out, Ref, Step
    from territorial_resilience.ui.model_export import build_model

    number = QgsProcessingParameterNumber
    hazards = {name: Input(QgsProcessingParameterRasterLayer(name, description)) for name, description in HAZARDS}
    weights = Input(QgsProcessingParameterString("weights", "Hazard weights (flood, landslide, seismic)", "0.4,0.3,0.3"))
    method = Input(
        QgsProcessingParameterEnum(
            "method",
            "Combination method",
            ["Weighted sum", "Weighted geometric mean", "Maximum (worst case)", "Probabilistic union", "OWA"],
            defaultValue=0,
        )
    )
    classes = Input(number("classes", "Number of risk grades", number.Type.Integer, 5, False, 2, 9))
    min_area = Input(number("min_area", "Minimum patch area (ha)", number.Type.Double, 1.0, False, 0.0))
    slope = Input(QgsProcessingParameterRasterLayer("slope", "Slope (degrees) for development suitability"))
    judgements = Input(QgsProcessingParameterString("judgements", "AHP judgement: slope against multi-hazard risk (Saaty scale)", "1/2"))
    uncertainty = Input(number("weight_uncertainty", "Weight uncertainty (CV, %)", number.Type.Double, 15.0, False, 0.0, 100.0))

    steps = [
        Step(f"normalize_{name}", "tsr:normalizehazard", f"Normalise {name}", {"INPUT": hazards[name], "BAND": 1, "METHOD": 1, "DIRECTION": 0})
        for name, _ in HAZARDS
    ]
    steps.append(
        Step(
            "overlay",
            "tsr:multihazardoverlay",
            "Multi-hazard overlay",
            {
                "HAZARDS": [Ref(f"normalize_{name}", "OUTPUT") for name, _ in HAZARDS],
                "WEIGHTS": weights,
                "METHOD": method,
                "THRESHOLD": 0.5,
                "NODATA_POLICY": 0,
            },
            (Out("OUTPUT", "risk_index", "Multi-hazard risk index"), Out("OUTPUT_DOMINANT", "dominant_hazard", "Dominant hazard")),
        )
    )
    steps.append(
        Step(
            "zoning",
            "tsr:riskzoning",
            "Risk zoning and control lines",
            {"INPUT": Ref("overlay", "OUTPUT"), "CLASSES": classes, "METHOD": 0, "MIN_AREA": min_area},
            (
                Out("OUTPUT", "risk_grades", "Risk grades"),
                Out("OUTPUT_ZONES", "risk_zones", "Risk zones"),
                Out("OUTPUT_LINES", "risk_control_lines", "Risk control lines"),
                Out("OUTPUT_HTML", "zoning_report", "Zoning report"),
            ),
        )
    )
    steps.append(
        Step(
            "high_risk",
            "native:extractbyexpression",
            "High-risk zones (controlled grades)",
            {"INPUT": Ref("zoning", "OUTPUT_ZONES"), "EXPRESSION": "grade >= @classes - 1"},
        )
    )
    steps.append(
        Step(
            "ahp",
            "tsr:ahpweights",
            "AHP weights of the development criteria",
            {"MATRIX": judgements, "CRITERIA": "slope,multi-hazard risk", "MAX_CR": 0.1},
        )
    )
    steps.append(
        Step(
            "suitability",
            "tsr:suitability",
            "Development suitability under uncertainty",
            {
                "CRITERIA": [slope, Ref("overlay", "OUTPUT")],
                "DIRECTIONS": "-,-",
                "WEIGHTS": Ref("ahp", "WEIGHTS"),
                "METHOD": 0,
                "EXCLUSION_ZONES": [Ref("high_risk", "OUTPUT")],
                "WEIGHT_UNCERTAINTY": uncertainty,
                "CRITERION_UNCERTAINTY": 0.0,
                "ITERATIONS": 500,
                "SEED": 1,
                "TOP_PERCENT": 20,
            },
            (
                Out("OUTPUT_CLASS", "suitability_class", "Robustness class"),
                Out("OUTPUT_PROBABILITY", "suitability_probability", "Probability of being suitable"),
            ),
        )
    )
    return build_model(
        "Multi-hazard risk path",
        "Territorial Space Resilience",
        steps,
        {
            "ALG_DESC": "Normalises three hazard rasters (percentile min-max), overlays them with the given weights "
            "and grades the result into risk zones with natural breaks and risk control lines.",
            "ALG_CREATOR": "Territorial Space Resilience toolkit",
        },
        group_id="tsr",
    )


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
    from territorial_resilience.ui.model_export import write_model

    MODEL.parent.mkdir(exist_ok=True)
    written, problems = write_model(build(), str(MODEL))
    if not written:
        print("\n".join(problems) or f"{MODEL} could not be written")
        return 1
    print(MODEL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
