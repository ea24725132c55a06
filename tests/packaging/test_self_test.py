"""`prospection --self-test` from source: passes here, and names the step that fails."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from prospection import selftest


def test_self_test_passes_through_the_app_entry_point(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    result = subprocess.run(
        [sys.executable, "-m", "prospection", "--self-test", "--self-test-report", str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = report.read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        f"ok   {name}" for name, _check in selftest.CHECKS
    ]
    assert lines[-1].startswith("self-test passed")
    assert "MainWindow" in result.stdout  # the real window, not a stand-in


def test_a_failing_check_stops_the_run_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[str] = []

    def passing(context: dict[str, Any]) -> str:
        ran.append("first")
        return "fine"

    def failing(context: dict[str, Any]) -> str:
        raise selftest.SelfTestError("the migrations are missing")

    def never(context: dict[str, Any]) -> str:
        ran.append("never")
        return "unreachable"

    monkeypatch.setattr(
        selftest, "CHECKS", [("first", passing), ("second", failing), ("third", never)]
    )
    lines: list[str] = []
    assert selftest.run(tmp_path / "data", lines.append) is False
    assert ran == ["first"]
    assert lines == ["ok   first: fine", "FAIL second: the migrations are missing"]


def test_an_unexpected_error_is_reported_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(context: dict[str, Any]) -> str:
        raise KeyError("resources")

    monkeypatch.setattr(selftest, "CHECKS", [("broken", broken)])
    lines: list[str] = []
    assert selftest.run(tmp_path / "data", lines.append) is False
    assert lines[0] == "FAIL broken: KeyError: 'resources'"
    assert "Traceback" in lines[1]


def test_main_returns_non_zero_and_writes_the_report_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(context: dict[str, Any]) -> str:
        raise selftest.SelfTestError("no FTS5")

    monkeypatch.setattr(selftest, "CHECKS", [("environment", failing)])
    report = tmp_path / "report.txt"
    code = selftest.main(["--self-test", "--self-test-report", str(report)])
    assert code == selftest.EXIT_FAILED
    assert "FAIL environment: no FTS5" in report.read_text(encoding="utf-8")
    assert "self-test failed" in capsys.readouterr().err


def test_the_import_check_fails_on_rapidfuzz_pure_python_fallback(tmp_path: Path) -> None:
    # What a bundle trimmed of rapidfuzz's C++ modules would do: slow, so a failure.
    result = subprocess.run(
        [sys.executable, "-m", "prospection", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "RAPIDFUZZ_IMPLEMENTATION": "python"},
    )
    assert result.returncode == selftest.EXIT_FAILED
    assert "FAIL import: rapidfuzz runs its pure-Python fallback" in result.stdout


def test_the_holiday_check_fails_without_alsace_moselle_holidays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prospection.core import calling_rules

    real = calling_rules.is_public_holiday

    def without_subdivisions(day: date, subdivision: str | None = None) -> bool:
        return real(day)

    monkeypatch.setattr(calling_rules, "is_public_holiday", without_subdivisions)
    with pytest.raises(selftest.SelfTestError, match="2026-12-26 is a holiday in France \\(57\\)"):
        selftest.check_holidays({})


def test_the_team_driver_check_names_psycopg_its_libpq_and_openssl() -> None:
    import ssl

    detail = selftest.check_team_driver({})
    assert ssl.OPENSSL_VERSION in detail
    assert "psycopg" in detail and "libpq" in detail


def test_the_team_driver_check_fails_without_ssl(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the bundle did when it left `ssl` out: psycopg imports it at start, so team
    # mode could not reach any server ("No module named 'ssl'").
    for name in [name for name in sys.modules if name == "ssl" or name.startswith("psycopg")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ssl", None)
    with pytest.raises(selftest.SelfTestError, match="ssl"):
        selftest.check_team_driver({})


def test_the_team_driver_check_fails_when_hashlib_lacks_openssl(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # hashlib without _hashlib: its built-in sha256 (what a bundle whose _hashlib cannot
    # load its OpenSSL would run).
    import _sha256  # type: ignore[import-not-found]
    import hashlib

    monkeypatch.setattr(hashlib, "sha256", _sha256.sha256)
    with pytest.raises(selftest.SelfTestError, match="OpenSSL"):
        selftest.check_team_driver({})
