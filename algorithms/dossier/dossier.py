"""The dossier as a whole: the chosen sections built from a results folder, the provenance
(every input with its checksum, every run with its parameters, the software versions) and the
dossier as data (OUTPUT_JSON)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Any, Callable

from ..common.messages import InputError, tr
from ..common.progress import Cancelled
from . import actions, findings
from .model import SECTIONS, Section
from .records import Run, load


@dataclass
class InputFile:
    path: str
    bytes: int
    sha256: str
    parameters: list[str]
    current_sha256: str | None

    @property
    def unchanged(self) -> bool:
        return self.current_sha256 == self.sha256


@dataclass
class Dossier:
    title: str
    folder: str
    sections: list[Section]
    runs: list[Run]
    inputs: list[InputFile]
    versions: dict[str, str]
    skipped_lines: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "results": self.folder,
            "sections": [
                {
                    "key": s.key,
                    "title": {"zh": s.title.zh, "en": s.title.en},
                    "skipped": s.skipped,
                    "note": {"zh": s.note.zh, "en": s.note.en} if s.note else None,
                    "findings": [
                        {
                            "key": f.key,
                            "zh": f.text("zh"),
                            "en": f.text("en"),
                            "values": [{"name": v.name, "value": v.value, "unit": v.unit, "source": v.source} for v in f.values],
                            "algorithm": f.run.algorithm if f.run else None,
                            "run_started": f.run.started if f.run else None,
                            "map": f.map,
                            "table": f.table,
                        }
                        for f in s.findings
                    ],
                    "actions": [a.as_dict() for a in s.actions],
                    "maps": [m.key for m in s.maps],
                    "tables": [t.key for t in s.tables],
                }
                for s in self.sections
            ],
            "provenance": {
                "inputs": [
                    {"path": i.path, "bytes": i.bytes, "sha256": i.sha256, "parameters": i.parameters, "unchanged": i.unchanged} for i in self.inputs
                ],
                "runs": [
                    {
                        "algorithm": r.algorithm,
                        "started": r.started,
                        "seconds": r.seconds,
                        "parameters": r.parameters,
                        "numbers": r.numbers,
                        "outputs": [{"output": f["output"], "path": f["path"], "sha256": f["sha256"]} for f in r.files],
                        "versions": r.versions,
                    }
                    for r in self.runs
                ],
                "versions": self.versions,
            },
        }


def sha256(path: str) -> str | None:
    if not os.path.isfile(path):
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()


def provenance_inputs(runs: list[Run], cancelled: Callable[[], bool] = lambda: False) -> list[InputFile]:
    """Every input file of the runs once (the latest record of it), with the checksum recorded
    and the one it has now (a changed input means the results may no longer be reproduced)."""
    files: dict[str, InputFile] = {}
    for run in runs:
        for entry in run.inputs:
            path = entry["path"]
            label = f"{run.algorithm} · {entry.get('parameter', '')}"
            if path in files:
                if label not in files[path].parameters:
                    files[path].parameters.append(label)
                files[path].sha256, files[path].bytes = entry["sha256"], entry["bytes"]
                continue
            files[path] = InputFile(path, int(entry["bytes"]), entry["sha256"], [label], None)
    for item in files.values():
        if cancelled():
            raise Cancelled()
        item.current_sha256 = sha256(item.path)
    return list(files.values())


def build(
    folder: str,
    sections: list[str] | tuple[str, ...] = SECTIONS,
    title: str = "",
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[float], None] = lambda fraction: None,
) -> Dossier:
    """The dossier of the results folder `folder`: each of `sections` (keys of SECTIONS, kept in
    the order of SECTIONS) with its findings and actions, or a note when its runs are missing."""
    if not os.path.isdir(folder):
        raise InputError(tr("The results folder {folder} does not exist"), folder=folder)
    results = load(folder)
    if not results.runs:
        raise InputError(
            tr("The folder {folder} holds no run record (tsr_runs.jsonl): run the algorithms with their outputs in this folder first"), folder=folder
        )
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise InputError(tr("Unknown sections: {names}"), names=", ".join(unknown))
    chosen = [s for s in SECTIONS if s in sections]
    built = []
    for k, key in enumerate(chosen):
        if cancelled():
            raise Cancelled()
        section = findings.BUILDERS[key](results)
        actions.propose(section)
        built.append(section)
        progress((k + 1) / (len(chosen) + 1))
    runs = results.used()
    versions = dict(runs[-1].versions) if runs else {}
    inputs = provenance_inputs(runs, cancelled)
    progress(1.0)
    return Dossier(title, results.folder, built, runs, inputs, versions, results.skipped_lines)
