"""Core's coded import messages: each has a translation, French runs show French text."""

from __future__ import annotations

import errno
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from prospection.core.db import Database
from prospection.core.imports import (
    BatchError,
    Fate,
    ImportFileError,
    apply_plan,
    detect_layout,
    plan_import,
    undo_import,
)
from prospection.core.imports.messages import TEXTS, Code, Message, message
from prospection.core.imports.source import read_data
from prospection.ui.data_events import DataEvents
from prospection.ui.i18n import install_translators, remove_translators
from prospection.ui.import_wizard.messages import (
    error_text,
    message_templates,
    message_text,
    os_error_text,
)
from prospection.ui.import_wizard.preview_model import PreviewModel
from prospection.ui.import_wizard.wizard import ImportWizard

TS_FILE = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "translations"
    / "fr"
    / "ui.import_wizard.messages.ts"
)


def fields(template: str) -> set[str]:
    """The parameter names a str.format template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    previous = QLocale()
    translators = install_translators(qapp, "fr")
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        yield
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)


def test_every_core_code_has_an_english_text_and_a_ui_translation() -> None:
    assert set(TEXTS) == set(Code)
    assert set(message_templates()) == set(Code)


def test_the_ui_source_strings_are_core_english_texts() -> None:
    # Untranslated (English) the wizard says exactly what the CLI says.
    templates = message_templates()
    for code in Code:
        assert templates[code] == TEXTS[code], code


def test_french_translations_use_only_the_parameters_of_their_source() -> None:
    translated = 0
    for item in ET.parse(TS_FILE).getroot().iter("message"):
        source = item.findtext("source") or ""
        translation = item.findtext("translation") or ""
        assert translation, source
        assert fields(translation) <= fields(source), source
        translated += 1
    assert translated >= len(Code)


def test_english_message_text_and_str() -> None:
    said = message(Code.CLOSE_TO, name="Jean Dupont")
    assert str(said) == said.text == "close to Jean Dupont"
    assert message_text(said) == "close to Jean Dupont"
    assert hash(said) == hash(Message(Code.CLOSE_TO, {"name": "Jean Dupont"}))
    error = ImportFileError(message(Code.CSV_UNREADABLE, reason="bad quote"), 7)
    assert str(error) == "line 7: the CSV cannot be read (bad quote)"
    assert error_text(error) == str(error)


def test_a_broken_translation_falls_back_to_english() -> None:
    said = message(Code.CLOSE_TO, name="Jean")
    assert message_text(said, {Code.CLOSE_TO: "proche de {nom}"}) == "close to Jean"


def test_french_bad_file_message_in_the_wizard(
    french: None, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "vide.csv"
    path.write_bytes(b"")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.file_page.reading(), timeout=30_000)
    text = wizard.file_page.error.text()
    assert "vide.csv est vide" in text
    assert "is empty" not in text


def test_french_file_errors_numbers_and_lines(french: None) -> None:
    too_big = ImportFileError(
        message(Code.FILE_TOO_LARGE, name="gros.csv", size_mb=1500, limit_mb=200)
    )
    text = error_text(too_big)
    assert text.startswith("gros.csv fait 1") and "500 Mo" in text  # 1 500, grouped
    at_line = ImportFileError(message(Code.CSV_UNREADABLE, reason="x"), 1234)
    assert error_text(at_line) == "ligne 1234 : le fichier CSV ne peut pas être lu (x)"
    assert error_text(BatchError(message(Code.BATCH_UNKNOWN, batch=42))) == (
        "il n’y a pas d’import numéro 42"
    )
    full = OSError(errno.ENOSPC, "No space left on device", "/tmp/export.csv")
    assert os_error_text(full) == "le disque est plein (/tmp/export.csv)"


def test_french_details_of_a_possible_duplicate_and_a_bad_phone(french: None, db: Database) -> None:
    first = "Company,First name,Last name,Email\nACME SAS,Jean,Dupont,jean@acme.example\n"
    table = read_data(first.encode(), "first.csv")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers))
    apply_plan(db, plan)
    close = (
        "Company,First name,Last name,Email,Phone\n"
        "ACME,Jean,Dupond,jdupond@acme.example,12\n"
        "ACME,Paul,Martin,jean@acme.example,\n"
    )
    table = read_data(close.encode(), "close.csv")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers))
    assert [row.fate for row in plan.rows] == [Fate.POSSIBLE_DUPLICATE, Fate.MERGE]
    assert "close to Jean Dupont" in plan.rows[0].message  # the CLI's English
    model = PreviewModel()
    model.set_plan(plan)
    details = model.index(0, PreviewModel.DETAILS).data()
    assert details == "proche de Jean Dupont ; numéro « 12 » non reconnu, gardé tel quel"
    merged = model.index(1, PreviewModel.DETAILS).data()
    assert merged == ("même e-mail jean@acme.example que Jean Dupont (déjà dans vos prospects)")
    assert QCoreApplication.translate("ImportMessages", "close to {name}") == "proche de {name}"


def test_french_undo_refusal(french: None, db: Database) -> None:
    table = read_data(b"Company,Email\nACME,a@acme.example\n", "a.csv")
    with db.session() as session:
        plan = plan_import(session, table, detect_layout(table.headers))
    result = apply_plan(db, plan)
    assert result.batch_id is not None
    undo_import(db, result.batch_id)
    with pytest.raises(BatchError) as raised:
        undo_import(db, result.batch_id)
    assert "already undone" in str(raised.value)
    assert re.fullmatch(r"l’import \d+ \(a\.csv\) a déjà été annulé", error_text(raised.value))
