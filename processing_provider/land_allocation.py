"""tsr:landallocation — scenarios of land-use allocation under risk (NSGA-II): planning cells or
parcels get a use so that area demands are met and locked land stays as it is, trading
suitability, risk exposure, compactness and conversions against each other.

A thin wrapper of algorithms/optimize/land_allocation.py. What it decides (the help says the same):
- Matrices are single multiline strings (rows by new lines or semicolons, values by commas), so
  they type the same in the dialog, qgis_process and the Model Builder. SUITABILITY rows are
  `use, source`: a numeric field of UNITS (a name that matches a field is the field) or a raster
  (path, layer id or name). The SUITABILITY rows define the uses and their order.
- The risk is RISK (a raster layer parameter, so the Model Builder can wire an earlier raster
  output into it) or RISK_FIELD (a field parameter listing the units' fields), not both.
- Units are the polygons of UNITS, or without them a CELL_SIZE grid over the first SUITABILITY
  raster (the reference grid for every raster; others are aligned to it). Raster values per unit
  are zonal means of the cells whose centres fall inside (algorithms/raster/zonal.py); polygon adjacency
  is the shared boundary length (algorithms/optimize/adjacency.py), grid adjacency the 4-neighbourhood.
- The current use may also come from a class raster (majority class, CURRENT_USE_CLASSES) and
  locked units from LOCKED_ZONES (point on surface inside), so a grid can be planned with red
  lines and land cover.
- Kept scenario columns: the knee, the best solution of each objective, then farthest-point
  sampling on the front scaled to 0–1 (nsga2.pick_scenarios), objectives compared within
  nsga2.OBJECTIVE_RTOL as the front itself is.
- Hostile input: a NULL or NaN suitability means the use may not go on the unit; a NULL or NaN
  risk or population is refused with the unit named; units without geometry are counted and
  refused (they have no area); locked zones without geometry are counted in a warning; a class
  value of CURRENT_USE_CLASSES given to two uses is refused; the run's memory and time are
  estimated before it starts (land_allocation.estimate_run) and absurd settings refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsRectangle,
    QgsRendererCategory,
)
from rasterio.enums import Resampling
from shapely.geometry import Point
from shapely.ops import unary_union
from shapely.prepared import prep

from ..algorithms.common.parsing import matrix_rows, parse_classes, parse_demand, parse_flag, parse_suitability, split_names, use_index, use_key
from ..algorithms.engine.raster_io import Grid, RasterSource
from ..algorithms.optimize.adjacency import polygon_adjacency
from ..algorithms.optimize.land_allocation import AllocationResult, LandAllocationProblem, Objective, allocate_land, estimate_run, grid_adjacency
from ..algorithms.raster.zonal import BlockGrid, polygon_labeller, sample_points, window_of, zonal_statistics
from ..i18n import tr
from .common import report, styles
from .common.base import TsrAlgorithm, require_projected_crs
from .common.qgis_compat import FIELD_NUMERIC, NUMBER_DOUBLE, NUMBER_INTEGER, WKB_MULTIPOLYGON, WKB_NOGEOMETRY, field, plain
from .common.reports.landallocation import RunSettings, report_html
from .common.shapes import polygon_shapes, to_shapely

#: The value of the use fields for units given none of the planned uses.
OTHER = "other"
#: Units beyond which a run is refused (memory), and beyond which the log warns that it is slow.
MAX_UNITS = 200_000
SLOW_UNITS = 20_000
USE_COLOURS = ("#e31a1c", "#33a02c", "#1f78b4", "#ff7f00", "#6a3d9a", "#b15928", "#fb9a99", "#b2df8a", "#a6cee3", "#fdbf6f", "#cab2d6", "#ffff99")
OTHER_COLOUR = "#d9d9d9"
#: Column of OUTPUT_PARETO for each objective (the exposure one depends on POPULATION_FIELD).
OBJECTIVE_KEYS = {Objective.SUITABILITY: "suitability", Objective.COMPACTNESS: "compactness", Objective.CONVERSIONS: "converted_ha"}


def truthy(value, unit: str) -> bool:
    """A LOCKED_FIELD value (parsing.parse_flag): numbers ≠ 0 and yes/true/1 words lock; NULL, 0,
    no/false do not; other text is refused with the unit named."""
    flag = parse_flag(plain(value))
    if flag is None:
        raise QgsProcessingException(tr("LOCKED_FIELD holds '{value}' for unit {unit}; use 1/0, true/false or yes/no").format(value=value, unit=unit))
    return flag


@dataclass
class Units:
    """The planning units as read: geometry (units' CRS), attributes, areas and values."""

    names: list[str]
    geometries: list[QgsGeometry]
    attributes: list[list]
    area: np.ndarray
    current: np.ndarray
    current_text: list[str]
    locked: np.ndarray
    suitability: np.ndarray
    risk: np.ndarray | None
    population: np.ndarray | None
    adjacency: sp.csr_matrix
    crs: QgsCoordinateReferenceSystem
    grid_cells: list[tuple[int, int]] | None = None


@dataclass(frozen=True)
class UnitInputs:
    """Where the values of the planning units come from: the uses (SUITABILITY's order), fields
    of UNITS ("" when not given) and rasters (paths; `reference` is the (layer, path) of the grid
    every raster is aligned to, `raster_paths` the rasters averaged over the units, the reference
    first), and the class value → use index of CURRENT_USE_CLASSES."""

    uses: list[str]
    reference: tuple[QgsRasterLayer, str] | None
    raster_paths: list[str]
    suit_fields: dict[int, str]
    suit_rasters: dict[int, tuple[QgsRasterLayer, str]]
    risk_field: str
    risk_path: str | None
    population_field: str
    current_field: str
    current_path: str | None
    classes: dict[float, int] | None
    locked_field: str


class LandAllocation(TsrAlgorithm):
    ALG_ID = "landallocation"
    GROUP_ID = "zoning"

    UNITS = "UNITS"
    CELL_SIZE = "CELL_SIZE"
    CURRENT_USE_FIELD = "CURRENT_USE_FIELD"
    CURRENT_USE_RASTER = "CURRENT_USE_RASTER"
    CURRENT_USE_CLASSES = "CURRENT_USE_CLASSES"
    LOCKED_FIELD = "LOCKED_FIELD"
    LOCKED_ZONES = "LOCKED_ZONES"
    SUITABILITY = "SUITABILITY"
    RISK = "RISK"
    RISK_FIELD = "RISK_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    DEVELOPMENT_USES = "DEVELOPMENT_USES"
    DEMAND = "DEMAND"
    OBJECTIVES = "OBJECTIVES"
    POPULATION_SIZE = "POPULATION_SIZE"
    GENERATIONS = "GENERATIONS"
    SEED = "SEED"
    SCENARIOS = "SCENARIOS"
    OUTPUT = "OUTPUT"
    OUTPUT_PARETO = "OUTPUT_PARETO"
    OUTPUT_HTML = "OUTPUT_HTML"
    HYPERVOLUME = "HYPERVOLUME"
    KNEE_ID = "KNEE_ID"
    FRONT_SIZE = "FRONT_SIZE"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Land allocation scenarios (NSGA-II)")

    def shortDescription(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "Allocate land uses to parcels or grid cells: area demands met, locked land kept, suitability, risk exposure, compactness and "
            "conversions traded off on a Pareto front"
        )

    def tags(self) -> list[str]:
        return self.tr(
            "land use,allocation,optimisation,multi-objective,NSGA-II,Pareto,genetic algorithm,scenario,risk,compactness,"
            "土地利用,优化配置,多目标,情景,遗传算法"
        ).split(",")

    @staticmethod
    def objective_options() -> list[str]:
        return [
            tr("Maximise suitability of each use"),
            tr("Minimise population or development exposed to risk"),
            tr("Maximise compactness of each use"),
            tr("Minimise conversions from the current use"),
        ]

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        polygon = QgsProcessing.SourceType.TypeVectorPolygon
        units = QgsProcessingParameterFeatureSource(self.UNITS, self.tr("Planning units"), [polygon], optional=True)
        units.setHelp(self.tr("Parcels or other polygons to allocate; empty = a grid of CELL_SIZE cells over the first suitability raster."))
        cell_size = QgsProcessingParameterNumber(self.CELL_SIZE, self.tr("Grid cell size (m)"), NUMBER_DOUBLE, None, True, 0.0)
        cell_size.setHelp(self.tr("Side of the grid cells to allocate when no planning units are given."))
        current_field = QgsProcessingParameterField(
            self.CURRENT_USE_FIELD, self.tr("Current use field"), parentLayerParameterName=self.UNITS, optional=True
        )
        current_field.setHelp(self.tr("Values that are use names of SUITABILITY give the current use; any other value counts as other."))
        current_raster = QgsProcessingParameterRasterLayer(self.CURRENT_USE_RASTER, self.tr("Or current use raster (classes)"), optional=True)
        current_raster.setHelp(self.tr("A land-cover class raster instead of CURRENT_USE_FIELD: each unit takes its majority class."))
        classes = QgsProcessingParameterString(
            self.CURRENT_USE_CLASSES, self.tr("Classes of the current use raster"), multiLine=True, optional=True, defaultValue=""
        )
        classes.setHelp(self.tr("One row per use: the use, then its class values, e.g. urban, 5; farmland, 1; forest, 2, 3."))
        locked_field = QgsProcessingParameterField(self.LOCKED_FIELD, self.tr("Locked field"), parentLayerParameterName=self.UNITS, optional=True)
        locked_field.setHelp(self.tr("1, true or yes: the unit keeps its current use; 0, false, no or NULL: it may change."))
        locked_zones = QgsProcessingParameterMultipleLayers(self.LOCKED_ZONES, self.tr("Locked zones"), polygon, optional=True)
        locked_zones.setHelp(
            self.tr("Polygons (red lines, basic farmland, heritage…) whose units keep their current use: those whose point on surface lies inside.")
        )
        suitability = QgsProcessingParameterString(self.SUITABILITY, self.tr("Suitability per use"), multiLine=True)
        suitability.setHelp(
            self.tr(
                "One row per land use: the use, then a numeric field of the units or a 0–1 raster (path, layer id or name), "
                "e.g. urban, suit_urban; farmland, /data/farm.tif. The rows define the uses and their order."
            )
        )
        risk = QgsProcessingParameterRasterLayer(self.RISK, self.tr("Risk raster (0–1)"), optional=True)
        risk_field = QgsProcessingParameterField(
            self.RISK_FIELD, self.tr("Or risk field (0–1)"), parentLayerParameterName=self.UNITS, type=FIELD_NUMERIC, optional=True
        )
        population = QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.UNITS, type=FIELD_NUMERIC, optional=True
        )
        population.setHelp(self.tr("Persons per unit: the exposure counts the persons on development land; empty = the development area."))
        development = QgsProcessingParameterString(self.DEVELOPMENT_USES, self.tr("Development uses"), optional=True, defaultValue="")
        development.setHelp(self.tr("Comma list of the uses whose land counts as exposed to the risk, e.g. urban, industry."))
        demand = QgsProcessingParameterString(self.DEMAND, self.tr("Demand per use"), multiLine=True)
        demand.setHelp(
            self.tr(
                "One row per use: the use, the required area in ha and a tolerance in ha or in % of the area, "
                "e.g. urban, 1200, 50; farmland, 3000, 5%. A use without a row has a free area."
            )
        )
        inputs = (units, cell_size, current_field, current_raster, classes, locked_field, locked_zones, suitability, risk, risk_field, population)
        for parameter in inputs + (development, demand):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.OBJECTIVES, self.tr("Objectives"), options=self.objective_options(), allowMultiple=True, defaultValue=[0, 1, 2, 3]
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.POPULATION_SIZE, self.tr("Population size (solutions per generation)"), NUMBER_INTEGER, 100, False, 4, 10000
            )
        )
        self.addParameter(QgsProcessingParameterNumber(self.GENERATIONS, self.tr("Generations"), NUMBER_INTEGER, 200, False, 1, 100000))
        self.addParameter(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"), NUMBER_INTEGER, 1, False, 0))
        scenarios = QgsProcessingParameterNumber(self.SCENARIOS, self.tr("Scenario columns to keep"), NUMBER_INTEGER, 5, False, 1, 100)
        scenarios.setHelp(self.tr("The knee, the best plan in each objective, then plans spread along the front: fields use_s1, use_s2 …"))
        self.addParameter(scenarios)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Allocated land use (compromise and kept scenarios)"), polygon))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_PARETO,
                self.tr("Pareto front (objective values of every solution)"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Land allocation report"), self.tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.HYPERVOLUME, self.tr("Normalised hypervolume of the final front")))
        self.addOutput(QgsProcessingOutputNumber(self.KNEE_ID, self.tr("Solution id of the compromise (knee) solution")))
        self.addOutput(QgsProcessingOutputNumber(self.FRONT_SIZE, self.tr("Number of non-dominated solutions")))

    # --- parameters --------------------------------------------------------------------------

    def raster_layer(self, text: str, context, label: str) -> tuple[QgsRasterLayer, str]:
        """A raster named by path, layer id or layer name, and its file."""
        layer = QgsProcessingUtils.mapLayerFromString(text, context)
        if not isinstance(layer, QgsRasterLayer):
            raise QgsProcessingException(
                self.tr("{label}: '{text}' is neither a field of the planning units nor a raster (path, layer id or layer name)").format(
                    label=label, text=text
                )
            )
        return layer, self.raster_file(layer, label)

    def check_field(self, source, name: str, numeric: bool, label: str) -> str:
        fields = source.fields()
        index = fields.lookupField(name)
        if index < 0:
            raise QgsProcessingException(
                self.tr("{label}: the planning units have no field '{field}'; their fields are {available}").format(
                    label=label, field=name, available=", ".join(fields.names())
                )
            )
        if numeric and not fields.at(index).isNumeric():
            raise QgsProcessingException(
                self.tr("{label}: the field '{field}' is of type {type}, not a number").format(
                    label=label, field=name, type=fields.at(index).typeName()
                )
            )
        return fields.at(index).name()

    # --- run ---------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is None and parameters.get(self.UNITS) not in (None, ""):
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        cell_size = self.optional_number(parameters, self.CELL_SIZE, context)
        if source is None and not cell_size:
            raise QgsProcessingException(self.tr("Give the planning units (UNITS), or a CELL_SIZE for a grid over the first suitability raster"))
        if source is not None and cell_size:
            feedback.pushWarning(self.tr("CELL_SIZE is ignored: the planning units are given"))
        if source is None:
            for name in (self.CURRENT_USE_FIELD, self.LOCKED_FIELD, self.RISK_FIELD, self.POPULATION_FIELD):
                if self.parameterAsString(parameters, name, context):
                    feedback.pushWarning(self.tr("{parameter} is ignored: the cells of a grid have no fields").format(parameter=name))

        with self.core_errors():
            suitability_rows = parse_suitability(self.parameterAsString(parameters, self.SUITABILITY, context))
            uses = [name for name, _ in suitability_rows]
            demand, tolerance, given = parse_demand(self.parameterAsString(parameters, self.DEMAND, context), uses)
        for u, name in enumerate(uses):
            if not given[u]:
                feedback.pushWarning(self.tr("DEMAND has no row for '{use}': its area is left free").format(use=name))
        development_text = self.parameterAsString(parameters, self.DEVELOPMENT_USES, context)
        with self.core_errors():
            development = [use_index(name, uses, "DEVELOPMENT_USES") for name in split_names(development_text)]
        objectives = tuple(Objective(o) for o in sorted(set(self.parameterAsEnums(parameters, self.OBJECTIVES, context))))
        if not objectives:
            raise QgsProcessingException(self.tr("Choose at least one objective"))

        # where each input comes from: fields of the units or rasters
        suit_fields: dict[int, str] = {}
        suit_rasters: dict[int, tuple[QgsRasterLayer, str]] = {}
        for u, (name, text) in enumerate(suitability_rows):
            label = self.tr("SUITABILITY of {use}").format(use=name)
            if source is not None and source.fields().lookupField(text) >= 0:
                suit_fields[u] = self.check_field(source, text, True, label)
            else:
                suit_rasters[u] = self.raster_layer(text, context, label)
        risk_layer = self.parameterAsRasterLayer(parameters, self.RISK, context)
        risk_field = self.parameterAsString(parameters, self.RISK_FIELD, context) if source is not None else ""
        if risk_layer is not None and risk_field:
            raise QgsProcessingException(self.tr("Give the risk either as a raster (RISK) or as a field (RISK_FIELD), not both"))
        if Objective.RISK_EXPOSURE in objectives and risk_layer is None and not risk_field:
            raise QgsProcessingException(
                self.tr("The risk exposure objective needs the risk: give RISK (a 0–1 raster, e.g. the multi-hazard index) or RISK_FIELD")
            )
        if Objective.RISK_EXPOSURE in objectives and not development:
            raise QgsProcessingException(
                self.tr("The risk exposure objective needs DEVELOPMENT_USES: the uses whose land counts as exposed (e.g. urban)")
            )
        risk_path = self.raster_file(risk_layer, "RISK") if risk_layer is not None else None
        if risk_field:
            risk_field = self.check_field(source, risk_field, True, "RISK_FIELD")
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) if source is not None else ""
        if population_field:
            population_field = self.check_field(source, population_field, True, "POPULATION_FIELD")
        current_field = self.parameterAsString(parameters, self.CURRENT_USE_FIELD, context) if source is not None else ""
        if current_field:
            current_field = self.check_field(source, current_field, False, "CURRENT_USE_FIELD")
        current_layer = self.parameterAsRasterLayer(parameters, self.CURRENT_USE_RASTER, context)
        classes_text = self.parameterAsString(parameters, self.CURRENT_USE_CLASSES, context)
        if current_field and current_layer is not None:
            raise QgsProcessingException(
                self.tr("Give the current use either as a field (CURRENT_USE_FIELD) or as a raster (CURRENT_USE_RASTER), not both")
            )
        classes = None
        if current_layer is not None:
            with self.core_errors():
                classes = parse_classes(classes_text, uses)
        elif matrix_rows(classes_text):
            raise QgsProcessingException(self.tr("CURRENT_USE_CLASSES is given without CURRENT_USE_RASTER"))
        current_path = self.raster_file(current_layer, "CURRENT_USE_RASTER") if current_layer is not None else None
        if not current_field and current_layer is None:
            feedback.pushWarning(self.tr("No current use is given: every unit counts as 'other' now, so conversions measure the planned area"))
        locked_field = self.parameterAsString(parameters, self.LOCKED_FIELD, context) if source is not None else ""
        if locked_field:
            locked_field = self.check_field(source, locked_field, False, "LOCKED_FIELD")
        locked_zones = self.parameterAsLayerList(parameters, self.LOCKED_ZONES, context)

        # the reference grid of the rasters: the first suitability raster, else the risk, else the current use
        reference = (
            next(iter(suit_rasters.values()), None)
            or ((risk_layer, risk_path) if risk_path else None)
            or ((current_layer, current_path) if current_path else None)
        )
        if source is None and reference is None:
            raise QgsProcessingException(self.tr("A grid (CELL_SIZE) needs at least one raster: give suitability rasters in SUITABILITY"))
        raster_paths: list[str] = []  # the rasters averaged over the units, the reference first
        for path in ([reference[1]] if reference else []) + [p for _, p in suit_rasters.values()] + ([risk_path] if risk_path else []):
            if path not in raster_paths:
                raster_paths.append(path)

        with self.core_errors():
            inputs = UnitInputs(
                uses,
                reference,
                raster_paths,
                suit_fields,
                suit_rasters,
                risk_field,
                risk_path,
                population_field,
                current_field,
                current_path,
                classes,
                locked_field,
            )
            units = self.grid_units(inputs, cell_size, feedback) if source is None else self.polygon_units(source, inputs, context, feedback)
            if locked_zones:
                self.lock_zones(units, locked_zones, context, feedback)
            n = len(units.area)
            if n > MAX_UNITS:
                raise QgsProcessingException(
                    self.tr("{n} units are too many (at most {max}); use a larger CELL_SIZE or fewer parcels").format(n=n, max=MAX_UNITS)
                )
            if n > SLOW_UNITS:
                feedback.pushWarning(
                    self.tr("{n} units: the optimisation will be slow; a larger CELL_SIZE or fewer generations shortens it").format(n=n)
                )
            self.check_values(units, uses)
            feedback.pushInfo(
                self.tr("{n} units, {area} ha; {locked} locked ({locked_area} ha)").format(
                    n=n,
                    area=report.fmt(float(units.area.sum())),
                    locked=int(units.locked.sum()),
                    locked_area=report.fmt(float(units.area[units.locked].sum())),
                )
            )
            feedback.setProgress(30)
            problem = LandAllocationProblem.build(
                area=units.area,
                current=units.current,
                locked=units.locked,
                suitability=units.suitability,
                risk=units.risk if units.risk is not None else np.zeros(n),
                adjacency=units.adjacency,
                demand=demand,
                tolerance=tolerance,
                objectives=objectives,
                development_uses=development,
                population=units.population,
                use_names=uses,
            )
            size = self.parameterAsInt(parameters, self.POPULATION_SIZE, context)
            generations = self.parameterAsInt(parameters, self.GENERATIONS, context)
            seed = self.parameterAsInt(parameters, self.SEED, context)
            feedback.pushInfo(
                self.tr("NSGA-II: {size} solutions × {generations} generations, seed {seed}").format(size=size, generations=generations, seed=seed)
            )
            _, slow = estimate_run(problem, size, generations, seed, cancelled=feedback.isCanceled)
            if slow is not None:
                feedback.pushWarning(slow.translated(tr))
            result = allocate_land(problem, size, generations, seed, progress=self.progress_range(feedback, 32, 92), cancelled=feedback.isCanceled)

        kept = result.scenarios(self.parameterAsInt(parameters, self.SCENARIOS, context))
        feedback.pushInfo(
            self.tr("{count} non-dominated solutions; compromise (knee): solution {knee}; hypervolume {hv:.4f}").format(
                count=len(result.allocations), knee=result.knee + 1, hv=float(result.hypervolume[-1])
            )
        )
        results = {
            self.HYPERVOLUME: float(result.hypervolume[-1]),
            self.KNEE_ID: int(result.knee + 1),
            self.FRONT_SIZE: int(len(result.allocations)),
        }
        results[self.OUTPUT] = self.write_units(parameters, context, feedback, source, units, result, kept)
        feedback.setProgress(96)
        pareto = self.write_pareto(parameters, context, result, kept, units.population is not None)
        if pareto:
            results[self.OUTPUT_PARETO] = pareto
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            settings = RunSettings(
                size=size,
                generations=generations,
                seed=seed,
                cell_size=cell_size if source is None else None,
                risk=risk_field or (risk_layer.name() if risk_layer is not None else ""),
                population=population_field,
                development=[uses[u] for u in development],
                demand=demand,
                tolerance=tolerance,
                given=given,
            )
            report.write(html_path, report_html(self.tr, units, problem, result, kept, settings))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    # --- units -------------------------------------------------------------------------------

    def polygon_units(self, source, inputs: UnitInputs, context, feedback) -> Units:
        crs = source.sourceCrs()
        require_projected_crs(crs, self.tr("The planning units"))
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The planning units layer has no features"))
        k = len(inputs.uses)
        keys = [use_key(u) for u in inputs.uses]
        names, geometries, attributes, areas = [], [], [], []
        current, current_text, locked, population = [], [], [], []
        suitability, risk = [], []
        total = max(source.featureCount(), 1)
        no_geometry = []
        for i, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no output was written"))
            name = f"#{feature.id()}"
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                no_geometry.append(name)
                continue
            geometry.convertToStraightSegment()
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            names.append(name)
            geometries.append(geometry)
            attributes.append(feature.attributes())
            areas.append(geometry.area() / 10_000.0)
            value = plain(feature[inputs.current_field]) if inputs.current_field else None
            text = "" if value is None else (str(int(value)) if isinstance(value, float) and value.is_integer() else str(value))
            current_text.append(text)
            current.append(keys.index(use_key(text)) if text.strip() and use_key(text) in keys else -1)
            locked.append(truthy(feature[inputs.locked_field], name) if inputs.locked_field else False)
            row = [math.nan] * k
            for u, f in inputs.suit_fields.items():
                v = plain(feature[f])
                row[u] = math.nan if v is None else float(v)
            suitability.append(row)
            if inputs.risk_field:
                v = plain(feature[inputs.risk_field])
                risk.append(math.nan if v is None else float(v))
            if inputs.population_field:
                v = plain(feature[inputs.population_field])
                if v is None or (isinstance(v, float) and math.isnan(v)):
                    raise QgsProcessingException(self.tr("POPULATION_FIELD: the population of unit {unit} is missing (NULL)").format(unit=name))
                population.append(float(v))
            feedback.setProgress(10 * (i + 1) / total)
        if no_geometry:
            # A unit without a shape has no area, no neighbours and no raster values: it cannot
            # be allocated, and leaving it out would silently change the plan's totals.
            raise QgsProcessingException(
                self.tr(
                    "{count} of the {total} planning units have no geometry (NULL or empty), e.g. {units}; give them a geometry or remove them"
                ).format(
                    count=len(no_geometry),
                    total=len(no_geometry) + len(names),
                    units=", ".join(no_geometry[:5]) + (" …" if len(no_geometry) > 5 else ""),
                )
            )
        suitability = np.array(suitability, dtype=float).reshape(-1, k)
        risk = np.array(risk, dtype=float) if inputs.risk_field else None
        current = np.array(current, dtype=np.int64)
        shapes = [to_shapely(g) for g in geometries]

        if inputs.reference is not None:
            ref_layer, ref_path = inputs.reference
            grid = Grid.of(ref_path)
            transform = QgsCoordinateTransform(crs, ref_layer.crs(), context.transformContext())
            in_raster = []
            for g, unit in zip(geometries, names):
                t = QgsGeometry(g)
                try:
                    t.transform(transform)
                except QgsCsException:
                    raise QgsProcessingException(
                        self.tr("The planning unit {unit} cannot be transformed from {source} to the CRS of the raster '{name}' ({target})").format(
                            unit=unit, source=crs.authid() or "?", name=ref_layer.name(), target=ref_layer.crs().authid() or "?"
                        )
                    ) from None
                in_raster.append(to_shapely(t))
            sources = [RasterSource(p) for p in inputs.raster_paths]
            class_source = RasterSource(inputs.current_path, resampling=Resampling.nearest) if inputs.current_path else None
            for s in sources + ([class_source] if class_source else []):
                s.check_against(grid)
            bounds = np.array([s.bounds for s in in_raster if not s.is_empty], dtype=float).reshape(-1, 4)
            window = window_of(grid, (bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max())) if len(bounds) else None
            if window is None:
                raise QgsProcessingException(self.tr("The planning units do not overlap the raster '{name}'").format(name=ref_layer.name()))
            feedback.pushInfo(self.tr("Zonal means of {count} raster(s) over the units (cells whose centres fall inside)").format(count=len(sources)))
            zonal = zonal_statistics(
                grid,
                polygon_labeller(in_raster, grid),
                len(in_raster),
                sources,
                class_source,
                window,
                progress=self.progress_range(feedback, 10, 25),
                cancelled=feedback.isCanceled,
            )
            mean, majority = zonal.mean.copy(), zonal.majority.copy() if zonal.majority is not None else None
            small = np.flatnonzero(zonal.cells == 0)
            if small.size:  # no cell centre inside: the cell under a point on the unit's surface
                points = [s.representative_point() for s in (in_raster[i] for i in small)]
                everything = sources + ([class_source] if class_source else [])
                sampled = sample_points(grid, everything, [p.x for p in points], [p.y for p in points])
                mean[small] = sampled[:, : len(sources)]
                if class_source:
                    majority[small] = sampled[:, len(sources)]
                feedback.pushInfo(
                    self.tr("{count} units hold no raster cell centre: the cell under a point inside each is used").format(count=int(small.size))
                )
            column = {p: j for j, p in enumerate(inputs.raster_paths)}
            for u, (_, path) in inputs.suit_rasters.items():
                suitability[:, u] = mean[:, column[path]]
            if inputs.risk_path:
                risk = mean[:, column[inputs.risk_path]]
            if class_source:
                current, current_text = self.classes_to_uses(majority, inputs.classes, inputs.uses)
        feedback.setProgress(25)
        feedback.pushInfo(self.tr("Finding neighbouring units (shared boundaries)"))
        adjacency = polygon_adjacency(shapes, cancelled=feedback.isCanceled)
        isolated = int(np.count_nonzero(np.diff(adjacency.indptr) == 0))
        if isolated:
            feedback.pushInfo(self.tr("{count} units share no boundary with another unit").format(count=isolated))
        return Units(
            names,
            geometries,
            attributes,
            np.array(areas),
            current,
            current_text,
            np.array(locked, dtype=bool),
            suitability,
            risk,
            np.array(population, dtype=float) if inputs.population_field else None,
            adjacency,
            crs,
        )

    def grid_units(self, inputs: UnitInputs, cell_size: float, feedback) -> Units:
        ref_layer, ref_path = inputs.reference
        crs = ref_layer.crs()
        require_projected_crs(crs, self.tr("The reference raster '{name}'").format(name=ref_layer.name()))
        grid = Grid.of(ref_path)
        blocks = BlockGrid.over(grid, cell_size)
        if blocks.zones > 4 * MAX_UNITS:
            raise QgsProcessingException(
                self.tr("A {size:g} m grid over '{name}' has {n} cells; choose a larger CELL_SIZE").format(
                    size=cell_size, name=ref_layer.name(), n=blocks.zones
                )
            )
        sources = [RasterSource(p) for p in inputs.raster_paths]
        class_source = RasterSource(inputs.current_path, resampling=Resampling.nearest) if inputs.current_path else None
        for s in sources + ([class_source] if class_source else []):
            s.check_against(grid)
        feedback.pushInfo(
            self.tr("A grid of {rows} × {cols} cells of {size:g} m over '{name}'; block means of {count} raster(s)").format(
                rows=blocks.rows, cols=blocks.cols, size=cell_size, name=ref_layer.name(), count=len(sources)
            )
        )
        zonal = zonal_statistics(
            grid,
            blocks.labeller(grid),
            blocks.zones,
            sources,
            class_source,
            progress=self.progress_range(feedback, 0, 25),
            cancelled=feedback.isCanceled,
        )
        keep = np.flatnonzero(zonal.valid[:, 0] > 0)  # cells with data in the reference raster
        if keep.size == 0:
            raise QgsProcessingException(self.tr("The raster '{name}' has no cell with data").format(name=ref_layer.name()))
        k = len(inputs.uses)
        column = {p: j for j, p in enumerate(inputs.raster_paths)}
        suitability = np.full((keep.size, k), np.nan)
        for u, (_, path) in inputs.suit_rasters.items():
            suitability[:, u] = zonal.mean[keep, column[path]]
        risk = zonal.mean[keep, column[inputs.risk_path]] if inputs.risk_path else None
        if class_source:
            current, current_text = self.classes_to_uses(zonal.majority[keep], inputs.classes, inputs.uses)
        else:
            current, current_text = np.full(keep.size, -1, dtype=np.int64), [""] * keep.size
        area = zonal.valid[keep, 0] * grid.cell_area / 10_000.0
        adjacency = grid_adjacency(blocks.rows, blocks.cols)[keep][:, keep]
        geometries, names, cells = [], [], []
        for z in keep.tolist():
            west, south, east, north = blocks.bounds(z)
            geometries.append(QgsGeometry.fromRect(QgsRectangle(west, south, east, north)))
            row, col = divmod(z, blocks.cols)
            cells.append((row, col))
            names.append(self.tr("row {row}, column {col}").format(row=row, col=col))
        return Units(
            names,
            geometries,
            [[] for _ in keep],
            area,
            current,
            current_text,
            np.zeros(keep.size, dtype=bool),
            suitability,
            risk,
            None,
            sp.csr_matrix(adjacency),
            crs,
            cells,
        )

    @staticmethod
    def classes_to_uses(majority: np.ndarray, classes: dict[float, int], uses: list[str]) -> tuple[np.ndarray, list[str]]:
        current = np.array([classes.get(float(v), -1) if math.isfinite(v) else -1 for v in majority], dtype=np.int64)
        return current, [uses[c] if c >= 0 else "" for c in current]

    def lock_zones(self, units: Units, layers, context, feedback) -> None:
        """Lock the units whose point on surface (a grid cell's centre) lies in a locked zone."""
        shapes, empty = polygon_shapes(layers, units.crs, context, feedback)
        for name, count in empty.items():
            feedback.pushWarning(
                self.tr("{count} feature(s) of the locked zones '{layer}' have no geometry: they lock nothing").format(count=count, layer=name)
            )
        if not shapes:
            return
        zones = prep(unary_union(shapes))
        before = int(units.locked.sum())
        for i, geometry in enumerate(units.geometries):
            point = geometry.pointOnSurface().asPoint()
            if not units.locked[i] and zones.contains(Point(point.x(), point.y())):
                units.locked[i] = True
        feedback.pushInfo(self.tr("Locked zones lock {count} more units").format(count=int(units.locked.sum()) - before))

    def check_values(self, units: Units, uses: list[str]) -> None:
        """Missing risk or population values, named."""
        if units.risk is not None:
            missing = np.flatnonzero(~np.isfinite(units.risk))
            if missing.size:
                raise QgsProcessingException(
                    self.tr("{count} units have no risk value (NULL, or no raster data within them), e.g. {units}").format(
                        count=int(missing.size), units=", ".join(units.names[i] for i in missing[:5])
                    )
                )
        for u, name in enumerate(uses):
            unsuitable = int(np.count_nonzero(np.isnan(units.suitability[:, u])))
            if unsuitable == len(units.area):
                raise QgsProcessingException(self.tr("No unit has a suitability value for '{use}' (all NULL or no raster data)").format(use=name))

    # --- outputs -----------------------------------------------------------------------------

    @staticmethod
    def use_text(x: np.ndarray, units: Units, uses: list[str]) -> list[str]:
        """Use names of an allocation; "other" units that were not planned keep their current text."""
        return [
            uses[v] if v >= 0 else (units.current_text[i] if units.current[i] < 0 and units.current_text[i].strip() else OTHER)
            for i, v in enumerate(x.tolist())
        ]

    def write_units(self, parameters, context, feedback, source, units: Units, result: AllocationResult, kept: list[int]) -> str:
        uses = list(result.use_names)
        added = [("area_ha", "double"), ("current_use", "string"), ("locked", "int"), ("risk", "double"), ("use", "string"), ("changed", "int")]
        added += [(f"use_s{s + 1}", "string") for s in range(len(kept))]
        names = {n for n, _ in added}
        fields = QgsFields()
        kept_fields = []
        if source is not None:
            for i, f in enumerate(source.fields()):
                if f.name().lower() in names:
                    feedback.pushWarning(self.tr("The input field '{field}' is replaced by the computed one of the same name").format(field=f.name()))
                    continue
                fields.append(QgsField(f))
                kept_fields.append(i)
            wkb_type = source.wkbType()
        else:
            for name in ("unit_id", "grid_row", "grid_col"):
                fields.append(field(name, "int"))
            wkb_type = WKB_MULTIPOLYGON
        for name, kind in added:
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb_type, units.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        knee = result.allocations[result.knee]
        knee_text = self.use_text(knee, units, uses)
        columns = [self.use_text(result.allocations[j], units, uses) for j in kept]
        current_text = [uses[c] if c >= 0 else (units.current_text[i] or OTHER) for i, c in enumerate(units.current.tolist())]
        for i in range(len(units.area)):
            out = QgsFeature(fields)
            geometry = QgsGeometry(units.geometries[i])
            if source is None:
                geometry.convertToMultiType()
                head = [i + 1, units.grid_cells[i][0], units.grid_cells[i][1]]
            else:
                head = [units.attributes[i][k] for k in kept_fields]
            out.setGeometry(geometry)
            risk = float(units.risk[i]) if units.risk is not None else None
            out.setAttributes(
                head
                + [float(units.area[i]), current_text[i], int(units.locked[i]), risk, knee_text[i], int(knee[i] != units.current[i])]
                + [c[i] for c in columns]
            )
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        styles.style_on_load(context, dest, self.use_style(uses))
        return dest

    @staticmethod
    def use_style(uses: list[str]):
        def apply(layer) -> None:
            categories = [
                QgsRendererCategory(
                    name,
                    QgsFillSymbol.createSimple({"color": USE_COLOURS[u % len(USE_COLOURS)], "outline_color": "#777777", "outline_width": "0.05"}),
                    name,
                )
                for u, name in enumerate(uses)
            ]
            categories.append(
                QgsRendererCategory(
                    OTHER, QgsFillSymbol.createSimple({"color": OTHER_COLOUR, "outline_color": "#777777", "outline_width": "0.05"}), OTHER
                )
            )
            layer.setRenderer(QgsCategorizedSymbolRenderer("use", categories))

        return apply

    @staticmethod
    def objective_key(objective: Objective, with_population: bool) -> str:
        if objective == Objective.RISK_EXPOSURE:
            return "exposed_population" if with_population else "exposed_area_ha"
        return OBJECTIVE_KEYS[objective]

    def write_pareto(self, parameters, context, result: AllocationResult, kept: list[int], with_population: bool) -> str | None:
        fields = QgsFields()
        fields.append(field("solution_id", "int"))
        for info in result.objectives:
            fields.append(field(self.objective_key(info.objective, with_population), "double"))
        for name, kind in (("knee", "int"), ("kept", "int"), ("scenario", "string")):
            fields.append(field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_PARETO, context, fields, WKB_NOGEOMETRY, QgsCoordinateReferenceSystem())
        if sink is None:
            return None
        for j, values in enumerate(result.values.tolist()):
            feature = QgsFeature(fields)
            column = f"use_s{kept.index(j) + 1}" if j in kept else None
            feature.setAttributes([j + 1] + [float(v) for v in values] + [int(j == result.knee), int(j in kept), column])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest
