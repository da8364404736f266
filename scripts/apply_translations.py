"""Fill unfinished translations of a Qt .ts file from JSON tables {"English source": "译文"}.

    python3 scripts/apply_translations.py i18n/territorial_resilience_zh_CN.ts zh.json [more.json …]
    python3 scripts/apply_translations.py --export i18n/territorial_resilience_zh_CN.ts all.json

Run scripts/update_translations.sh first (it collects the sources), then this, then
update_translations.sh again to compile the .qm. Only entries still marked unfinished whose
source appears in a table are filled (a guess pylupdate5 copied from another context is
replaced); everything else is left as pylupdate5 wrote it. Prints how many were filled and how
many remain. `--export` writes the finished translations as such a table, e.g. before strings
move to another context (a class), so that they can be filled again afterwards.
"""

from __future__ import annotations

import html
import json
import re
import sys

UNFINISHED = re.compile(r'<translation type="unfinished"\s*(/>|>.*?</translation>)', re.S)
FINISHED = re.compile(r"<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?<translation>(.*?)</translation>", re.S)
SOURCE = re.compile(r"<source>(.*?)</source>", re.S)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace('"', "&quot;")


def apply(ts_path: str, tables: list[dict[str, str]]) -> tuple[int, int]:
    table: dict[str, str] = {}
    for t in tables:
        table.update(t)
    text = open(ts_path, encoding="utf-8").read()
    filled = remaining = 0
    blocks = re.split(r"(?<=</message>)", text)
    for k, block in enumerate(blocks):
        source = SOURCE.search(block)
        if not source or not UNFINISHED.search(block):
            continue
        key = html.unescape(source.group(1))
        if key in table and table[key].strip():
            blocks[k] = UNFINISHED.sub(lambda _m: f"<translation>{escape(table[key])}</translation>", block)
            filled += 1
        else:
            remaining += 1
    open(ts_path, "w", encoding="utf-8").write("".join(blocks))
    return filled, remaining


def export(ts_path: str) -> dict[str, str]:
    text = open(ts_path, encoding="utf-8").read()
    return {html.unescape(m.group(1)): html.unescape(m.group(2)) for m in FINISHED.finditer(text)}


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "--export":
        table = export(argv[1])
        json.dump(table, open(argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=0)
        print(f"{len(table)} translations exported")
        return 0
    if len(argv) < 2:
        print(__doc__)
        return 2
    tables = [json.load(open(path, encoding="utf-8")) for path in argv[1:]]
    filled, remaining = apply(argv[0], tables)
    print(f"{filled} translations filled, {remaining} still unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
