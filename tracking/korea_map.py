"""The dashboard's map of Korea: province boundaries from ``regions/data/provinces.geojson`` (Statistics
Korea, KOGL Type 1) projected once into SVG paths, so the page draws the map with no script and each
province can be a link."""
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

GEOJSON = Path(settings.BASE_DIR) / "regions" / "data" / "provinces.geojson"
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


@cache
def korea_map() -> KoreaMap:
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
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
