"""Write drafting/data/font_widths.json: advance widths of Times New Roman's letters, for the checker's
drawn-line rules (C6, Q3, T4 compare a line with the width of the text above it).

Widths are read from Liberation Serif, which is metric-compatible with Times New Roman (same advance
widths by design), from the TTF's cmap (format 4) and hmtx tables. Vietnamese letters take the
width of their base letter: the diacritics do not widen a glyph. Run once:
    python tools/make_font_widths.py /usr/share/fonts/truetype/liberation2
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "drafting" / "data" / "font_widths.json"
CHARS = "".join(chr(code) for code in range(32, 127)) + "Đđ–…“”"


def tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", data[4:6])[0]
    found = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * index:28 + 16 * index])
        found[tag.decode("latin-1")] = data[offset:offset + length]
    return found


def cmap4(cmap: bytes) -> dict[int, int]:
    count = struct.unpack(">H", cmap[2:4])[0]
    for index in range(count):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * index:12 + 8 * index])
        if (platform, encoding) == (3, 1) and struct.unpack(">H", cmap[offset:offset + 2])[0] == 4:
            return _format4(cmap, offset)
    raise ValueError("no Unicode BMP cmap")


def _format4(cmap: bytes, offset: int) -> dict[int, int]:
    segments = struct.unpack(">H", cmap[offset + 6:offset + 8])[0] // 2
    base = offset + 14
    ends = struct.unpack(f">{segments}H", cmap[base:base + 2 * segments])
    starts = struct.unpack(f">{segments}H", cmap[base + 2 * segments + 2:base + 4 * segments + 2])
    deltas = struct.unpack(f">{segments}h", cmap[base + 4 * segments + 2:base + 6 * segments + 2])
    range_base = base + 6 * segments + 2
    ranges = struct.unpack(f">{segments}H", cmap[range_base:range_base + 2 * segments])
    glyphs = {}
    for i in range(segments):
        for code in range(starts[i], ends[i] + 1):
            if ranges[i] == 0:
                glyphs[code] = (code + deltas[i]) & 0xFFFF
            else:
                at = range_base + 2 * i + ranges[i] + 2 * (code - starts[i])
                glyph = struct.unpack(">H", cmap[at:at + 2])[0]
                glyphs[code] = (glyph + deltas[i]) & 0xFFFF if glyph else 0
    return glyphs


def widths(path: Path) -> tuple[int, dict[str, int]]:
    parts = tables(path.read_bytes())
    units = struct.unpack(">H", parts["head"][18:20])[0]
    metrics = struct.unpack(">H", parts["hhea"][34:36])[0]
    advances = [struct.unpack(">H", parts["hmtx"][4 * i:4 * i + 2])[0] for i in range(metrics)]
    glyphs = cmap4(parts["cmap"])
    return units, {char: advances[min(glyphs.get(ord(char), 0), metrics - 1)] for char in CHARS}


def main(folder: str) -> None:
    units, regular = widths(Path(folder) / "LiberationSerif-Regular.ttf")
    _, bold = widths(Path(folder) / "LiberationSerif-Bold.ttf")
    TARGET.write_text(json.dumps({
        "_comment": "Advance widths of Times New Roman (read from the metric-compatible Liberation Serif by "
                    "tools/make_font_widths.py) in font units; a Vietnamese letter has its base letter's width.",
        "units_per_em": units, "regular": regular, "bold": bold}, ensure_ascii=False, indent=0) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2")
