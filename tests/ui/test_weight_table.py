"""The weight table that paths 1 and 2 share (ui/weight_table.py): equal shares for missing
weights, rows set as the user would, the weights parsed, and the AHP weights written into the
rows they were asked for (by layer, even when two layers have the same name)."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer

from territorial_resilience.algorithms.common.parsing import split_names
from territorial_resilience.ui.ahp_dialog import AhpDialog
from territorial_resilience.ui.weight_table import WeightTable, parse_weights
from territorial_resilience.ui.widgets import RunPanel

WEIGHT = 2


@pytest.fixture
def layers(qgis_app):
    return [QgsVectorLayer("Point?crs=EPSG:4547", name, "memory") for name in ("flood", "flood", "heat")]


@pytest.fixture
def table(qtbot, layers):
    table = WeightTable(["In use", "Hazard", "Weight"], 150)
    qtbot.addWidget(table)
    for layer, use in zip(layers, (True, True, False)):
        r = table.add_layer_row(layer, use)
        table.set_text(r, WEIGHT, None)
    return table


def test_missing_weights_of_the_rows_in_use_are_equal_shares(table, layers):
    table.set_text(0, WEIGHT, 0.7)
    table.fill_equal_weights()
    rows = [table.row(r) for r in range(table.rowCount())]
    assert [r["weight"] for r in rows] == ["0.7", "0.5", ""]  # 1/2 for the second row in use; the row not in use stays empty
    assert [r["id"] for r in rows] == [layer.id() for layer in layers]
    assert [r["use"] for r in rows] == [True, True, False]


def test_set_row_as_the_user_would(table):
    assert table.rows_named("flood") == [0, 1] and table.rows_named("heat") == [2]
    table.set_row(2, use=True, texts={WEIGHT: 0.25})
    table.set_row(0, use=False, texts={WEIGHT: None})  # None leaves the cell as it is
    assert [table.row(r)["use"] for r in range(3)] == [False, True, True]
    assert table.row(2)["weight"] == "0.25" and table.row(0)["weight"] == ""
    table.set_row(1, texts={WEIGHT: 2040})
    assert table.row(1)["weight"] == "2040"


def test_weights_are_numbers_or_none():
    assert parse_weights(["0.3", " 0.7 "]) == [0.3, 0.7]
    assert parse_weights(["0.3", ""]) is None and parse_weights(["0.3", "0,7"]) is None
    assert parse_weights([]) == []
    assert parse_weights(["nan", "1"]) is None and parse_weights(["inf"]) is None  # no weight may be infinite or undefined


def test_ahp_criterion_names_keep_clear_of_the_separators(qtbot):
    dialog = AhpDialog(["roads, rail", "flood，depth", "slope、aspect"])
    qtbot.addWidget(dialog)
    assert dialog.criteria == ["roads  rail", "flood depth", "slope aspect"]
    assert split_names(",".join(dialog.criteria)) == dialog.criteria  # CRITERIA reads back the same names


def test_ahp_needs_two_rows_in_use(table, qtbot):
    panel = RunPanel("Run")
    qtbot.addWidget(panel)
    table.set_row(1, use=False)
    assert table.open_ahp(None, panel, "Pairwise comparison needs at least two hazards in use.") is None
    assert panel.banner.text() == "Pairwise comparison needs at least two hazards in use."


def test_ahp_weights_go_into_the_rows_they_were_asked_for(table, qtbot):
    panel = RunPanel("Run")
    qtbot.addWidget(panel)
    table.set_row(2, use=True)
    table.set_row(1, use=False)
    dialog = table.open_ahp(None, panel, "too few")
    qtbot.addWidget(dialog)
    assert dialog.criteria == ["flood", "heat"]  # rows 0 and 2
    dialog.set_judgement(0, 1, "3")
    dialog.weights = [0.75, 0.25]  # as tsr:ahpweights gives them for 3 (tested in test_wizard)
    dialog.accept()
    assert [table.row(r)["weight"] for r in range(3)] == ["0.75", "", "0.25"]  # not the other "flood"
    assert table.judgements == {(0, 1): "3"}
    # asked again, the dialog offers the earlier judgements
    again = table.open_ahp(None, panel, "too few")
    qtbot.addWidget(again)
    assert again.judgements() == {(0, 1): "3"}
