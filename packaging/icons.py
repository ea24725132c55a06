"""Application icons for the installers: PNG sizes, a Windows .ico and a macOS .icns.

Rendered from `resources/icons/prospection.svg` with Qt's SVG renderer (in
PySide6-Essentials), so the build needs no image library. Both container formats hold
PNG images, which Windows (Vista and later) and macOS (10.7 and later) read.

    uv run python packaging/icons.py OUTPUT_FOLDER
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "prospection.svg"

#: Sizes installed in the freedesktop hicolor theme (and used for .ico/.icns).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: (.icns element type, pixel size); the @2x types hold the doubled image.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent size x size square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept on the function: the application must outlive every QPainter.
        render_png.application = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def ico_bytes(pngs: list[bytes]) -> bytes:
    """A Windows .ico holding the given PNG images (each at most 256 pixels square)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    directory = b""
    offset = len(header) + 16 * len(pngs)
    for png in pngs:
        width, height = png_size(png)
        if width > 256 or height > 256:
            raise ValueError(f"an .ico image is at most 256 pixels, not {width}")
        # A stored 0 means 256; colour count 0, one plane, 32 bits per pixel.
        directory += struct.pack(
            "<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), offset
        )
        offset += len(png)
    return header + directory + b"".join(pngs)


def icns_bytes(elements: list[tuple[bytes, bytes]]) -> bytes:
    """A macOS .icns from (four-character type, PNG bytes) elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def generate(output: Path, svg: Path = SOURCE) -> dict[str, Path]:
    """Write hicolor PNGs, prospection.ico and prospection.icns into `output`."""
    output.mkdir(parents=True, exist_ok=True)
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(svg, size)
        return cache[size]

    written: dict[str, Path] = {}
    for size in PNG_SIZES:
        path = output / f"prospection-{size}.png"
        path.write_bytes(png(size))
        written[f"png{size}"] = path
    written["ico"] = output / "prospection.ico"
    written["ico"].write_bytes(ico_bytes([png(size) for size in ICO_SIZES]))
    written["icns"] = output / "prospection.icns"
    written["icns"].write_bytes(icns_bytes([(kind, png(size)) for kind, size in ICNS_TYPES]))
    return written


def main(argv: list[str]) -> int:
    """Command line: generate the icons into the given folder."""
    if len(argv) != 1:
        print("usage: icons.py OUTPUT_FOLDER", file=sys.stderr)
        return 2
    for path in generate(Path(argv[0])).values():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
