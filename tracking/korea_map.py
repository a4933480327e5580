"""The dashboard's map of Korea: province boundaries from ``regions/data/provinces.geojson`` (Statistics
Korea, KOGL Type 1) projected once into SVG paths, so the page draws the map with no script and each
province can be a link."""
import csv
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

GEOJSON = Path(settings.BASE_DIR) / "regions" / "data" / "provinces.geojson"
PROVINCES_CSV = Path(settings.BASE_DIR) / "regions" / "data" / "provinces.csv"
WIDTH = 420  # SVG user units; the height follows the country's shape
MIDDLE_LATITUDE = 36.0  # the cosine here keeps distances east-west and north-south alike


@dataclass(frozen=True)
class ProvinceShape:
    code: str
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class KoreaMap:
    width: int
    height: int
    shapes: dict[str, ProvinceShape]


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else list(geometry["coordinates"])


def _ring_key(ring: list[list[float]]) -> frozenset:
    return frozenset(tuple(point) for point in ring)


def dissolve(geometries: list[dict]) -> dict:
    """One MultiPolygon of several provinces' geometries with their shared boundaries removed.

    The shipped boundaries share their vertices (Gwangju's outline is exactly the hole in Jeollanam-do's
    mainland), so a hole of one part that is another part's outline is dropped together with that
    outline: the two become one area with no line between them.
    """
    polygons = [polygon for geometry in geometries for polygon in _polygons(geometry)]
    outlines = {_ring_key(polygon[0]) for polygon in polygons}
    filled = {_ring_key(hole) for polygon in polygons for hole in polygon[1:]} & outlines
    merged = [[polygon[0], *[hole for hole in polygon[1:] if _ring_key(hole) not in filled]]
              for polygon in polygons if _ring_key(polygon[0]) not in filled]
    return {"type": "MultiPolygon", "coordinates": merged}


def _merged_features(features: list[dict]) -> list[dict]:
    """The provinces that merged (``successor_code`` in ``provinces.csv``), each as one dissolved feature
    under its successor's code, besides its parts (drawn for dates before the merger)."""
    with PROVINCES_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {feature["properties"]["code"]: feature for feature in features}
    merges: dict[str, list[str]] = {}
    for row in rows:
        if row.get("successor_code"):
            merges.setdefault(row["successor_code"], []).append(row["code"])
    return [{"type": "Feature", "properties": {"code": successor},
             "geometry": dissolve([by_code[code]["geometry"] for code in sorted(parts)])}
            for successor, parts in merges.items() if all(code in by_code for code in parts)]


@cache
def korea_map() -> KoreaMap:
    """Every province's shape, including merged provinces (one dissolved shape each, e.g.
    전남광주통합특별시 under ``12``); the page draws the shapes of the provinces of its date."""
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    features = features + _merged_features(features)
    points = [point for feature in features for ring in _rings(feature["geometry"]) for point in ring]
    squeeze = math.cos(math.radians(MIDDLE_LATITUDE))
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    scale = WIDTH / ((east - west) * squeeze)
    height = round((north - south) * scale)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * squeeze * scale, 1), round((north - lat) * scale, 1)

    shapes = {}
    for feature in features:
        rings = _rings(feature["geometry"])
        path = " ".join("M" + "L".join("{},{}".format(*project(*point)) for point in ring) + "Z" for ring in rings)
        largest = max(rings, key=len)  # the mainland part, where the label goes
        xs, ys = zip(*(project(*point) for point in largest), strict=True)
        code = feature["properties"]["code"]
        shapes[code] = ProvinceShape(code, path, round(sum(xs) / len(xs), 1), round(sum(ys) / len(ys), 1))
    return KoreaMap(WIDTH, height, shapes)
