"""Logging: a rotated file in the log folder, personal data masked, a calm excepthook."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from prospection import logs


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.configure_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_prospection_handler", False):
            root.removeHandler(handler)
            handler.close()


def test_redacts_emails_phones_and_sql_parameters() -> None:
    text = (
        "IntegrityError: UNIQUE failed [SQL: INSERT INTO contact VALUES (?, ?)] "
        "[parameters: ('Zoé Quennevilleux', 'zoe@example.fr')]\n"
        "call +33 6 71 23 45 98 or 06.71.23.45.98, write to Zoe.Q@Example.FR; contact 42"
    )
    masked = logs.redact(text)
    for secret in ("Quennevilleux", "zoe@example.fr", "71 23 45", "71.23.45", "Example.FR"):
        assert secret not in masked
    assert "contact 42" in masked  # ids stay


def test_log_file_is_written_masked_and_private(log_file: Path) -> None:
    try:
        raise ValueError("bad row for ines@vasseur.fr, phone 0612345678")
    except ValueError:
        logging.getLogger("prospection.test").exception("Import failed for contact %d", 7)
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = log_file.read_text(encoding="utf-8")
    assert "Import failed for contact 7" in written
    assert "Traceback" in written
    assert "ines@vasseur.fr" not in written and "0612345678" not in written
    if os.name == "posix":
        assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_log_rotates(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "_prospection_handler", False)
    )
    monkeypatch.setattr(handler, "maxBytes", 2000)
    for index in range(100):
        logging.getLogger("prospection.test").info("line %d %s", index, "x" * 50)
    assert log_file.with_name(log_file.name + ".1").exists()


def test_excepthook_logs_and_shows_calmly(log_file: Path) -> None:
    shown: list[BaseException] = []
    previous = logs.install_excepthook(shown.append)
    try:
        error = RuntimeError("boom")
        sys.excepthook(RuntimeError, error, None)
    finally:
        sys.excepthook = previous
    assert shown == [error]
    assert "Unexpected error" in log_file.read_text(encoding="utf-8")


def test_redaction_keeps_dates_and_times_readable() -> None:
    line = "2026-12-05 10:28:43,512 INFO opened at 09:15 on 2026-12-05; call 06 12 34 56 78"
    masked = logs.redact(line)
    assert masked.startswith("2026-12-05 10:28:43,512 INFO opened at 09:15 on 2026-12-05;")
    assert "06 12 34 56 78" not in masked and masked.endswith("<number>")
