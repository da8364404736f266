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
