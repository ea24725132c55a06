"""Reading a file reports its progress (bytes, then rows) and can be stopped from it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from prospection.core.imports import ImportCancelled, read_source
from prospection.core.imports.source import PROGRESS_SCALE


def write_csv(path: Path, rows: int) -> None:
    lines = ["Company,First name,Last name,Email"]
    lines += [f"Company {n},Jean,Dupont{n},jean{n}@example.test" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_xlsx(path: Path, rows: int) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Company", "First name", "Last name", "Email"])
    for n in range(rows):
        sheet.append([f"Company {n}", "Jean", f"Dupont{n}", f"jean{n}@example.test"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize(("name", "write"), [("big.csv", write_csv), ("big.xlsx", write_xlsx)])
def test_progress_rises_to_the_full_scale(tmp_path: Path, name: str, write: object) -> None:
    path = tmp_path / name
    write(path, 12_000)  # type: ignore[operator]
    heard: list[tuple[int, int]] = []
    table = read_source(path, progress=lambda done, total: heard.append((done, total)))
    assert len(table.rows) == 12_000
    assert {total for _, total in heard} == {PROGRESS_SCALE}
    done = [d for d, _ in heard]
    assert done == sorted(done) and done[-1] == PROGRESS_SCALE
    # The rows are reported while they are parsed, not only at the end.
    assert len([d for d in done if 100 < d < PROGRESS_SCALE]) >= 2


def test_without_progress_the_table_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "same.csv"
    write_csv(path, 5_000)
    quiet = read_source(path)
    heard = read_source(path, progress=lambda done, total: None)
    assert quiet.rows == heard.rows and quiet.sha256 == heard.sha256


@pytest.mark.parametrize(("name", "write"), [("stop.csv", write_csv), ("stop.xlsx", write_xlsx)])
def test_a_progress_that_raises_stops_the_read(tmp_path: Path, name: str, write: object) -> None:
    path = tmp_path / name
    write(path, 12_000)  # type: ignore[operator]
    heard: list[int] = []

    def stop_in_the_rows(done: int, total: int) -> None:
        heard.append(done)
        if done > 100:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        read_source(path, progress=stop_in_the_rows)
    assert heard[-1] < PROGRESS_SCALE
