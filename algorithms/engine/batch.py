"""The contract between `tsr_batch.py` and the algorithms it runs without QGIS.

Each batch-capable algorithm's core module defines one `BatchJob`: how to read the command
line's PARAM=VALUE pairs (the same names, values and meanings as the Processing parameters,
as `qgis_process run` takes them), how to run, and how to report the outputs (the keys and
plain Python values of `qgis_process --json`'s "results").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

#: PARAM → its values in command-line order (a parameter given several times, e.g. INPUTS, has several).
TextParameters = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class BatchJob:
    """One algorithm for the batch command.

    algorithm: the Processing id without the provider prefix (e.g. "normalizehazard").
    parse(values) → request: the parsed parameters; raises InputError naming a bad or missing one.
    run(request, *, engine, progress, cancelled, log) → result: the computation (engine None =
        this process; progress(0–1), cancelled() → bool and log(text) may be None).
    outputs(result) → {OUTPUT_NAME: str | int | float | list}: what `--json` prints.
    """

    algorithm: str
    parse: Callable[[TextParameters], Any]
    run: Callable[..., Any]
    outputs: Callable[[Any], dict[str, Any]]
