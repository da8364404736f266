"""Every algorithm of the provider through qgis_process with hostile inputs (issue 10).

Each case (tests/hostile/hostile_cases.py) asserts the exit code, a clear message (its key
words; no traceback or Python exception name; no NaN in a number output), untouched inputs
(SHA-256 before and after, GeoPackages holding many layers included) and no leftovers (no file at
an output path after a refusal, no hidden `.part` file). The cases run in parallel
(conftest.py); a summary table of cases per algorithm and outcomes ends the session.
"""

from __future__ import annotations

import pytest
from hostile_cases import BY_ID, CASES
from hostile_runner import record


@pytest.mark.parametrize("case_id", [c.id for c in CASES])
def test_hostile_input(case_id, hostile_runs):
    case = BY_ID[case_id]
    run, problems = hostile_runs[case_id].result()
    record(case, run, problems)
    exit_text = "killed at the timeout" if run.returncode is None else f"exit {run.returncode}"
    assert not problems, (
        f"tsr:{case.alg} {case.name} ({case.note or 'hostile input'}), expected {case.expected}; got {exit_text} after {run.seconds:.1f} s\n"
        + "\n".join(f"  - {p}" for p in problems)
        + "\n  message:\n    "
        + run.excerpt().replace("\n", "\n    ")
    )
