"""Random bytes fed to every reader: a clear ImportFileError or a table, never a crash.

FUZZ_EXAMPLES=2000 runs it longer.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from prospection.core.db import Database
from prospection.core.imports import ImportFileError, detect_layout, plan_import
from prospection.core.imports.source import read_data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["Company", "Email"])
    workbook.active.append(["ACME", "a@acme.example"])
    workbook.save(buffer)
    return buffer.getvalue()


XLSX = _xlsx_bytes()
SEEDS = [
    b"Company;Email\nACME;a@acme.example\n",
    (FIXTURES / "contacts_21.vcf").read_bytes(),
    (FIXTURES / "google_contacts.csv").read_bytes(),
]


def _read_and_plan(db: Database, data: bytes, file_format: str) -> None:
    try:
        table = read_data(data, "fuzz", file_format=file_format)
    except ImportFileError as error:
        assert str(error)
        return
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan_import(session, table, layout)  # planning reads, never writes


@FUZZ
@given(data=st.binary(max_size=2000), file_format=st.sampled_from(["auto", "csv", "vcard", "xlsx"]))
def test_random_bytes_never_crash(db: Database, data: bytes, file_format: str) -> None:
    _read_and_plan(db, data, file_format)


@FUZZ
@given(
    seed=st.sampled_from([*SEEDS, XLSX]),
    cut=st.integers(min_value=0, max_value=10_000),
    noise=st.binary(max_size=40),
)
def test_damaged_real_files_never_crash(db: Database, seed: bytes, cut: int, noise: bytes) -> None:
    position = cut % (len(seed) + 1)
    _read_and_plan(db, seed[:position] + noise + seed[position + len(noise) :], "auto")


def test_fuzzing_left_the_database_untouched(db: Database) -> None:
    from sqlalchemy import text

    for data in (b"\x00\x01garbage", XLSX[:300], b"BEGIN:VCARD\nN:;;\nEND:VCARD\n", *SEEDS):
        _read_and_plan(db, data, "auto")
    with db.session() as session:
        for table in ("prospect", "contact", "phone", "import_batch", "setting"):
            assert session.scalar(text(f"SELECT count(*) FROM {table}")) == 0
