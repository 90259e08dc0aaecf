"""Draw the app icons (PNG) from the shapes of static/favicon.svg, with the standard library only.

    python3 scripts/make_icons.py    # rewrites src/vocabsphere/web/static/icons/*.png

The favicon is a green disc with a white "V" (viewBox 64 x 64). Home screens want PNGs: 192 and 512
pixels with a transparent corner, a "maskable" 512 whose green fills the square (Android crops it to
a circle or squircle, so the letter stays inside the central 80 %), and a 180-pixel apple-touch-icon
(iOS shows transparency as black, so it is a full square too). Edges are anti-aliased by sampling
each pixel 4 x 4 times.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

GREEN = (0x1F, 0x6F, 0x5C)
WHITE = (0xFF, 0xFF, 0xFF)
LETTER = [(18, 20), (28, 20), (32, 36), (36, 20), (46, 20), (36, 46), (28, 46)]  # favicon path, 64 units
SAMPLES = 4
OUT = Path(__file__).resolve().parent.parent / "src" / "vocabsphere" / "web" / "static" / "icons"


def _polygon_spans(points: list[tuple[float, float]], y: float) -> list[tuple[float, float]]:
    """Inside stretches of a horizontal line through a polygon (even-odd rule)."""
    xs = []
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 <= y < y2) or (y2 <= y < y1):
            xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    xs.sort()
    return list(zip(xs[::2], xs[1::2], strict=True))


def _disc_spans(cx: float, cy: float, r: float, y: float) -> list[tuple[float, float]]:
    dy = y - cy
    if abs(dy) >= r:
        return []
    half = (r * r - dy * dy) ** 0.5
    return [(cx - half, cx + half)]


def _coverage(size: int, spans_at: Callable[[float], list[tuple[float, float]]]) -> list[list[int]]:
    """Per pixel, how many of its SAMPLES x SAMPLES sample points fall inside the shape."""
    grid = [[0] * size for _ in range(size)]
    for sy in range(size * SAMPLES):
        y = (sy + 0.5) / SAMPLES
        row = grid[sy // SAMPLES]
        for start, end in spans_at(y):
            first = max(0, int(start * SAMPLES + 0.5))
            last = min(size * SAMPLES, int(end * SAMPLES + 0.5))
            for sx in range(first, last):
                row[sx // SAMPLES] += 1
    return grid


def draw(size: int, *, full_square: bool) -> bytes:
    """RGBA rows of one icon."""
    if full_square:  # the letter inside the central 80 % (the maskable safe zone)
        scale, offset = size * 0.8 / 64, size * 0.1
        background = [[SAMPLES * SAMPLES] * size for _ in range(size)]
    else:
        scale, offset = size / 64, 0.0
        background = _coverage(size, lambda y: _disc_spans(size / 2, size / 2, 30 * scale, y))
    letter_points = [(offset + x * scale, offset + y * scale) for x, y in LETTER]
    letter = _coverage(size, lambda y: _polygon_spans(letter_points, y))
    full = SAMPLES * SAMPLES
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter: none
        for x in range(size):
            bg, fg = background[y][x], min(letter[y][x], background[y][x])
            if bg == 0:
                rows += bytes(4)
                continue
            color = [round((w * fg + g * (bg - fg)) / bg) for w, g in zip(WHITE, GREEN, strict=True)]
            rows += bytes([*color, round(255 * bg / full)])
    return bytes(rows)


def png(size: int, rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (size, full_square) in ICONS.items():
        (OUT / name).write_bytes(png(size, draw(size, full_square=full_square)))
        print(f"{name}: {size} x {size}")


if __name__ == "__main__":
    main()
