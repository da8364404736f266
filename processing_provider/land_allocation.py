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
  raster (the reference grid for every raster); their values, areas and adjacency come from
  algorithms/optimize/land_units.py (zonal means, majority class), read on the QGIS side by
  common/land_units_input.py, which also locks the units of LOCKED_ZONES (point on surface inside).
- Kept scenario columns: the knee, the best solution of each objective, then farthest-point
  sampling on the front scaled to 0–1 (nsga2.pick_scenarios), objectives compared within
  nsga2.OBJECTIVE_RTOL as the front itself is.
- Hostile input (see land_units.py for the units): a class value of CURRENT_USE_CLASSES given to
  two uses is refused; the run's memory and time are estimated before it starts
  (land_allocation.estimate_run) and absurd settings refused.
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
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
    QgsRendererCategory,
)

from ..algorithms.common.parsing import parse_demand, parse_suitability, split_names, use_index
from ..algorithms.optimize import land_units
from ..algorithms.optimize.land_allocation import AllocationResult, Objective, allocate_land, estimate_run
from ..algorithms.optimize.land_units import OTHER, UnitInputs, Units
from ..i18n import tr
from .common import land_units_input, report, styles
from .common.base import TsrAlgorithm
from .common.land_units_input import PlanningUnits
from .common.qgis_compat import FIELD_NUMERIC, NUMBER_DOUBLE, NUMBER_INTEGER, WKB_MULTIPOLYGON, WKB_NOGEOMETRY, field
from .common.reports.landallocation import RunSettings, report_html

USE_COLOURS = ("#e31a1c", "#33a02c", "#1f78b4", "#ff7f00", "#6a3d9a", "#b15928", "#fb9a99", "#b2df8a", "#a6cee3", "#fdbf6f", "#cab2d6", "#ffff99")
OTHER_COLOUR = "#d9d9d9"


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
        inputs, reference, risk_name = self.unit_inputs(parameters, context, feedback, source, suitability_rows, objectives, development)
        locked_zones = self.parameterAsLayerList(parameters, self.LOCKED_ZONES, context)
        size = self.parameterAsInt(parameters, self.POPULATION_SIZE, context)
        generations = self.parameterAsInt(parameters, self.GENERATIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)

        with self.core_errors():
            planning = land_units_input.read_units(source, inputs, reference, cell_size, locked_zones, context, feedback)
            units = planning.units
            feedback.setProgress(30)
            problem = land_units.allocation_problem(units, uses, demand, tolerance, objectives, development)
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
        results = {self.HYPERVOLUME: float(result.hypervolume[-1]), self.KNEE_ID: int(result.knee + 1), self.FRONT_SIZE: len(result.allocations)}
        results[self.OUTPUT] = self.write_units(parameters, context, feedback, source, planning, result, kept)
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
                risk=risk_name,
                population=inputs.population_field,
                development=[uses[u] for u in development],
                demand=demand,
                tolerance=tolerance,
                given=given,
            )
            report.write(html_path, report_html(self.tr, units, problem, result, kept, settings))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    def unit_inputs(
        self, parameters, context, feedback, source, suitability_rows, objectives, development
    ) -> tuple[UnitInputs, QgsRasterLayer | None, str]:
        """Where each value of the units comes from (fields of UNITS or rasters), checked: the core's
        UnitInputs, the reference raster's layer (None without rasters) and the risk's name."""

        def unit_field(name: str, numeric: bool, text: str | None = None) -> str:
            text = (self.parameterAsString(parameters, name, context) if source is not None else "") if text is None else text
            return land_units_input.unit_field(source, text, numeric, name) if text else ""

        uses = [name for name, _ in suitability_rows]
        suit_fields: dict[int, str] = {}
        suit_rasters: dict[int, tuple[QgsRasterLayer, str]] = {}
        for u, (name, text) in enumerate(suitability_rows):
            label = self.tr("SUITABILITY of {use}").format(use=name)
            if source is not None and source.fields().lookupField(text) >= 0:
                suit_fields[u] = land_units_input.unit_field(source, text, True, label)
            else:
                suit_rasters[u] = self.raster_layer(text, context, label)
        risk_layer = self.parameterAsRasterLayer(parameters, self.RISK, context)
        risk_field = self.parameterAsString(parameters, self.RISK_FIELD, context) if source is not None else ""
        with self.core_errors():
            land_units.check_risk(risk_layer is not None, bool(risk_field), objectives, development)
        risk_path = self.raster_file(risk_layer, "RISK") if risk_layer is not None else None
        risk_field = unit_field(self.RISK_FIELD, True, risk_field)
        population_field = unit_field(self.POPULATION_FIELD, True)
        current_field = unit_field(self.CURRENT_USE_FIELD, False)
        current_layer = self.parameterAsRasterLayer(parameters, self.CURRENT_USE_RASTER, context)
        with self.core_errors():
            classes_text = self.parameterAsString(parameters, self.CURRENT_USE_CLASSES, context)
            classes = land_units.current_classes(bool(current_field), current_layer is not None, classes_text, uses)
        current_path = self.raster_file(current_layer, "CURRENT_USE_RASTER") if current_layer is not None else None
        if not current_field and current_layer is None:
            feedback.pushWarning(self.tr("No current use is given: every unit counts as 'other' now, so conversions measure the planned area"))
        locked_field = unit_field(self.LOCKED_FIELD, False)
        reference, raster_paths = land_units.raster_plan([p for _, p in suit_rasters.values()], risk_path, current_path)
        if source is None and reference is None:
            raise QgsProcessingException(self.tr("A grid (CELL_SIZE) needs at least one raster: give suitability rasters in SUITABILITY"))
        layers: dict[str, QgsRasterLayer] = {}
        for layer, path in [*suit_rasters.values(), (risk_layer, risk_path), (current_layer, current_path)]:
            if path:
                layers.setdefault(path, layer)
        ref_layer = layers.get(reference)
        inputs = UnitInputs(
            uses,
            reference,
            ref_layer.name() if ref_layer is not None else "",
            raster_paths,
            suit_fields,
            {u: path for u, (_, path) in suit_rasters.items()},
            risk_field,
            risk_path,
            population_field,
            current_field,
            current_path,
            classes,
            locked_field,
        )
        return inputs, ref_layer, risk_field or (risk_layer.name() if risk_layer is not None else "")

    # --- outputs -----------------------------------------------------------------------------

    def write_units(self, parameters, context, feedback, source, planning: PlanningUnits, result: AllocationResult, kept: list[int]) -> str:
        units: Units = planning.units
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
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb_type, planning.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        knee = result.allocations[result.knee]
        knee_text = land_units.use_text(knee, units, uses)
        columns = [land_units.use_text(result.allocations[j], units, uses) for j in kept]
        current_text = land_units.current_use_text(units, uses)
        for i in range(len(units.area)):
            out = QgsFeature(fields)
            geometry = QgsGeometry(planning.geometries[i])
            if source is None:
                geometry.convertToMultiType()
                head = [i + 1, units.grid_cells[i][0], units.grid_cells[i][1]]
            else:
                head = [planning.attributes[i][k] for k in kept_fields]
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

    def write_pareto(self, parameters, context, result: AllocationResult, kept: list[int], with_population: bool) -> str | None:
        fields = QgsFields()
        fields.append(field("solution_id", "int"))
        for info in result.objectives:
            fields.append(field(land_units.pareto_column(info.objective, with_population), "double"))
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
