"""River lines: the main river and tributaries, their no-build corridors and the river layer."""

from dataclasses import dataclass

from shapely.geometry import LineString
from shapely.ops import unary_union

from .geometry import follow, lines
from .names import RIVER_NAME


@dataclass
class Rivers:
    main: LineString  # the thalweg, west → east
    tributaries: list  # LineStrings, source → mouth, in the order of the Tributary list
    main_corridor: object  # polygon within 55 m of the main river
    tributary_corridor: object  # polygon within 18 m of a tributary


def river_lines(thal_xy, tribs):
    """Lines and corridors of the main river (thalweg vertices) and the tributaries."""
    main = LineString(thal_xy)
    tributaries = [LineString(t.xy) for t in tribs]
    return Rivers(main, tributaries, main.buffer(55.0), unary_union([line.buffer(18.0) for line in tributaries]))


def river_rows(rivers, tribs, boundary):
    """Features of the `river` layer: the parts inside the county, digitised downstream (main
    river parts ordered west → east; tributary parts of 30 m or less dropped)."""
    main_parts = sorted(
        (LineString(follow(list(g.coords), rivers.main)) for g in lines(rivers.main.intersection(boundary))), key=lambda g: g.coords[0][0]
    )
    parts = [(g, RIVER_NAME, "main", "") for g in main_parts]
    for t, line in zip(tribs, rivers.tributaries):
        for g in lines(line.intersection(boundary)):
            g = LineString(follow(list(g.coords), line))
            if g.length > 30.0:
                parts.append((g, t.name, "tributary", RIVER_NAME))
    return [
        (g, {"river_id": k, "name": name, "rank": rank, "flows_into": into, "length_km": round(g.length / 1000.0, 3)})
        for k, (g, name, rank, into) in enumerate(parts, start=1)
    ]
