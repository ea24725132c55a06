"""The icon writer: PNG sizes, .ico and .icns that Qt's own readers read back."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from tests.packaging.tools import load

icons = load("icons")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return icons.generate(tmp_path_factory.mktemp("icons"))


def _sizes(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
    return sizes


def test_pngs_have_their_size_and_are_not_blank(qapp: object, generated: dict[str, Path]) -> None:
    for size in icons.PNG_SIZES:
        png = generated[f"png{size}"].read_bytes()
        assert icons.png_size(png) == (size, size)
        image = QImageReader(str(generated[f"png{size}"])).read()
        corner, centre = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
        assert corner.alpha() == 0  # rounded corner: transparent
        assert centre.alpha() == 255


def test_ico_holds_every_size_and_reads_back(qapp: object, generated: dict[str, Path]) -> None:
    assert sorted(_sizes(generated["ico"])) == sorted(icons.ICO_SIZES)
    data = generated["ico"].read_bytes()
    assert struct.unpack("<HHH", data[:6]) == (0, 1, len(icons.ICO_SIZES))
    # The 256-pixel entry is stored as 0 (a byte cannot hold 256).
    widths = [data[6 + 16 * i] for i in range(len(icons.ICO_SIZES))]
    assert widths[-1] == 0


def test_icns_holds_every_type_and_reads_back(qapp: object, generated: dict[str, Path]) -> None:
    data = generated["icns"].read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    offset, kinds = 8, []
    while offset < len(data):
        kinds.append(data[offset : offset + 4])
        offset += struct.unpack(">I", data[offset + 4 : offset + 8])[0]
    assert offset == len(data)
    assert kinds == [kind for kind, _size in icons.ICNS_TYPES]
    assert sorted(_sizes(generated["icns"])) == sorted(size for _k, size in icons.ICNS_TYPES)


def test_ico_refuses_images_larger_than_256(qapp: object) -> None:
    with pytest.raises(ValueError, match="256"):
        icons.ico_bytes([icons.render_png(icons.SOURCE, 512)])


def test_png_size_rejects_other_data() -> None:
    with pytest.raises(ValueError, match="PNG"):
        icons.png_size(b"GIF89a" + bytes(30))
