"""The charts with pyqtgraph, and without it: what to install and the numbers as plain text."""

from __future__ import annotations

import pytest

from territorial_resilience.ui import charts


@pytest.fixture
def without_pyqtgraph(monkeypatch):
    monkeypatch.setattr(charts, "_PYQTGRAPH", False)


def test_without_pyqtgraph_a_chart_says_what_to_install_and_shows_its_numbers(qtbot, without_pyqtgraph):
    chart = charts.Chart("Area per risk grade")
    qtbot.addWidget(chart)
    chart.bars(["1 Low", "2 High"], [1234.5, 67.0], "Area (ha)")
    assert chart.stack.currentWidget() is chart.text
    text = chart.text.text()
    assert "python3-pyqtgraph" in text and "pip install pyqtgraph" in text
    assert "1 Low" in text and "1,234" in text and "67" in text
    assert chart.kind == "bars" and chart.data == {"labels": ["1 Low", "2 High"], "values": [1234.5, 67.0]}


def test_with_pyqtgraph_every_kind_draws_and_can_be_drawn_again(qtbot):
    if charts.pyqtgraph() is None:
        pytest.fail("pyqtgraph is a declared dependency of the charts (python3-pyqtgraph)")
    chart = charts.Chart("chart")
    qtbot.addWidget(chart)
    chart.histogram([0, 0.5, 1], [3, 4], "x", "n", breaks=[0.5], colours=["#00ff00", "#ff0000"])
    chart.histogram([0, 0.5, 1], [5, 6], "x", "n")  # again, on a new plot
    assert chart.stack.currentWidget() is chart.plot_widget and chart.data["counts"] == [5, 6]
    chart.grouped_bars(["a", "b"], [("S", [0.1, 0.2], "#d6604d"), ("E", [0.3, 0.4], "#1b7837")], "index")
    chart.curve([0, 1, 2], [0, 50, 100], "m", "%", marks=[1], y_range=(0, 100))
    chart.distributions([("w1", [0, 0.5, 1], [2, 3], "#1b9e77")], "weight", "draws")
    chart.tornado(["w1", "w2"], [-1.0, 0.5], [2.0, -0.5], "−20 %", "+20 %", "ha")
    assert chart.kind == "tornado" and chart.data["names"] == ["w1", "w2"]
    chart.show_message("nothing yet")
    assert chart.stack.currentWidget() is chart.message and chart.kind is None


def demand_output(folder, population, flags) -> str:
    """A tsr:servicecoverage-like OUTPUT_DEMAND: population and covered_300, covered_1000."""
    from qgis.core import QgsFeature, QgsVectorFileWriter, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4547&field=population:double&field=covered_300:integer&field=covered_1000:integer", "demand", "memory")
    features = []
    for p, (a, b) in zip(population, flags):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([p, a, b])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = str(folder / "demand.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, layer.transformContext(), options)
    assert QgsVectorLayer(path, "written", "ogr").featureCount() == len(population)
    return path


def test_without_a_curve_the_chart_has_nothing_to_draw(qgis_app, tmp_path):
    from territorial_resilience.ui import chart_data

    # the guide computes nothing: demand flags alone (no CURVE_COSTS/COVERAGE_CURVE) draw no curve
    path = demand_output(tmp_path, [100.0, 200.0, None, 700.0], [(1, 1), (0, 1), (1, 1), (0, 0)])
    assert chart_data.coverage_curve({"OUTPUT_DEMAND": path}, "population") is None


def test_a_coverage_curve_written_by_the_algorithm_is_drawn_as_it_is(qgis_app, tmp_path):
    from territorial_resilience.ui import chart_data

    path = demand_output(tmp_path, [100.0], [(1, 1)])
    outputs = {"OUTPUT_DEMAND": path, "CURVE_COSTS": "0,150,300,1000", "COVERAGE_CURVE": "0,4.5,10,30"}
    curve = chart_data.coverage_curve(outputs, "population")
    assert curve == {"xs": [0.0, 150.0, 300.0, 1000.0], "ys": [0.0, 4.5, 10.0, 30.0], "thresholds": [300.0, 1000.0], "points": False}
    assert chart_data.coverage_curve({}, "population") is None


def test_a_curve_of_one_point_is_drawn_without_a_painting_error(qtbot):
    import warnings

    if charts.pyqtgraph() is None:
        pytest.fail("pyqtgraph is a declared dependency of the charts (python3-pyqtgraph)")
    chart = charts.Chart("chart")
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    chart.curve([500.0], [26.4], "m", "%", marks=[500.0], points=True, y_range=(0, 100))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chart.plot_widget.grab()  # paints the plot now
    assert not [w for w in caught if "Ignored exception" in str(w.message)]
    assert chart.kind == "curve" and chart.data == {"xs": [500.0], "ys": [26.4], "marks": [500.0]}
