"""The SETS guide: a wizard that walks a planner through the framework and its three paths on
the project's own layers (issue 5).

ui/ does no analysis: every result comes from the Processing algorithms of the provider, run in
the background (runner.py); the charts only read their outputs (chart_data.py). The chain a
user ran can be saved as a .model3 for the Model Builder (model_export.py).

    wizard.py            the wizard: pages, navigation, skip and revisit
    page_*.py            one module per step
    inventory.py         the SETS inventory saved in the QGIS project
    state.py             settings and runs saved in the project, output folders
    chain.py             a chain of Processing steps (run and model share it)
    runner.py            background runs with progress and cancel
    results.py           outputs loaded into the project, styled and grouped
    charts.py            pyqtgraph charts (a plain-text fallback without pyqtgraph)
    chart_data.py        what the charts show, read from the outputs
    ahp_dialog.py        pairwise comparisons → weights with tsr:ahpweights
    suggestions.py       first guesses from layer and field names
    widgets.py           small shared widgets
    model_export.py      a chain as a Processing model
"""
