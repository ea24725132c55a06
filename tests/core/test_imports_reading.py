"""Reading import files: encodings, delimiters, quoting, preambles, vCards, bad input."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from prospection.core.imports import ImportFileError, read_source
from prospection.core.imports.encoding import decode, detect_encoding
from prospection.core.imports.source import read_data
from prospection.core.imports.vcard_reader import read_vcard

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def test_short_french_cp1252_is_read_as_western_european() -> None:
    data = "Nom;Ville\nLefèvre;Besançon\n".encode("cp1252")
    assert detect_encoding(data) == "cp1252"
    assert "Lefèvre" in decode(data).text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "é".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "a,b".encode("utf-16-le"), "utf-16"),
        ("Société,Ville\n".encode(), "utf-8"),
        ("Company,City\nACME,Lyon\n".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encoding_found_from_bom_then_strict_utf8(data: bytes, expected: str) -> None:
    assert detect_encoding(data) == expected


def test_encoding_can_be_overridden() -> None:
    data = "Nom\nLefèvre\n".encode("cp1252")
    table = read_data(data, "x.csv", encoding="latin-1")
    assert table.encoding == "latin-1"
    assert table.rows[0][1] == ["Lefèvre"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_sniffed(delimiter: str) -> None:
    text = delimiter.join(["Company", "Email", "City"]) + "\n"
    text += delimiter.join(["ACME", "a@acme.example", "Lyon"]) + "\n"
    table = read_data(text.encode(), "x.csv")
    assert table.delimiter == delimiter
    assert table.rows[0][1] == ["ACME", "a@acme.example", "Lyon"]


def test_quoted_fields_hold_delimiters_and_line_breaks_and_lines_are_counted() -> None:
    text = 'Company;Notes;City\n"A; B";"first\nsecond";Lyon\nC;D;Paris\n'
    table = read_data(text.encode(), "x.csv")
    assert table.rows == [(2, ["A; B", "first\nsecond", "Lyon"]), (4, ["C", "D", "Paris"])]


def test_linkedin_notes_above_the_header_are_skipped() -> None:
    table = read_source(FIXTURES / "linkedin_connections.csv")
    assert table.headers[:3] == ["First Name", "Last Name", "URL"]
    assert len(table.rows) == 2


def test_row_with_more_values_than_the_header_keeps_them_and_says_where() -> None:
    table = read_data(b"Company,Email\nACME,a@acme.example,extra value\n", "x.csv")
    assert table.headers == ["Company", "Email", "Column 3"]
    assert table.rows[0][1] == ["ACME", "a@acme.example", "extra value"]
    assert table.problems[0].line == 2
    assert "3 values for 2 columns" in table.problems[0].message


def test_utf16_unicode_text_with_tabs() -> None:
    table = read_source(FIXTURES / "unicode_text_tab.txt")
    assert table.delimiter == "\t"
    assert table.rows[0][1][1] == "Łukasz"


def test_xlsx_first_sheet_title_rows_skipped_and_integers_as_text() -> None:
    table = read_source(FIXTURES / "colleague.xlsx")
    assert table.sheet == "Prospects"
    assert table.sheets == ["Prospects", "Archive"]
    assert table.headers[0] == "Entreprise"
    assert table.rows[0][0] == 4  # the spreadsheet's row number
    assert table.rows[0][1][3] == "612345678"
    assert table.rows[0][1][5] == "13001"


def test_xlsx_chosen_sheet() -> None:
    table = read_source(FIXTURES / "colleague.xlsx", sheet="Archive")
    assert table.rows[0][1] == ["Old Corp", "old@old.example"]
    with pytest.raises(ImportFileError, match="no sheet 'Nope'"):
        read_source(FIXTURES / "colleague.xlsx", sheet="Nope")


def test_vcard_21_quoted_printable_and_charsets() -> None:
    table = read_source(FIXTURES / "contacts_21.vcf")
    rows = [dict(zip(table.headers, values, strict=True)) for _, values in table.rows]
    assert rows[0]["First name"] == "Renée"
    assert rows[0]["Last name"] == "François"
    assert rows[0]["Company"] == "Crèmerie"
    assert rows[0]["Notes"] == "Première ligne\r\ndeuxième ligne"
    assert rows[0]["Mobile phone"] == "0611223344"
    assert rows[1]["Last name"] == "Leén"
    assert rows[1]["First name"] == "José"
    assert rows[1]["Home phone"] == "04 78 00 00 02"


def test_vcard_30_folding_groups_and_escapes() -> None:
    table = read_source(FIXTURES / "contacts_30.vcf")
    rows = [dict(zip(table.headers, values, strict=True)) for _, values in table.rows]
    assert rows[0]["Job title"].endswith("magasins de la région")
    assert rows[0]["Mobile phone"] == "+33 6 01 02 03 04"
    assert rows[0]["Department"] == "Vente"
    assert rows[0]["BDAY"] == "1980-04-02"
    assert rows[0]["City"] == "Annecy"
    assert rows[1]["Notes"] == "Frère d'Aurélie, associé\nArrive en juin"


def test_vcard_40_tel_uri() -> None:
    table = read_source(FIXTURES / "contacts_40.vcf")
    row = dict(zip(table.headers, table.rows[0][1], strict=True))
    assert row["Mobile phone"] == "+33-6-12-00-00-09"


def test_vcard_unclosed_card_is_kept_with_a_problem() -> None:
    headers, rows, problems = read_vcard("BEGIN:VCARD\nFN:Ana Lopez\nEMAIL:ana@x.example\n")
    assert rows[0][1][headers.index("Email")] == "ana@x.example"
    assert "not closed" in problems[0].message


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.csv", "empty.csv is empty"),
        (b"  \r\n \n", "blank.csv", "is empty"),
        (b"Company,Email\n", "header.csv", "header but no rows"),
        (bytes(range(256)) * 4, "photo.csv", "binary data"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.xls", "old Excel"),
        (b"BEGIN:VCARD\nEND:VCARD\n", "x.vcf", "holds no contact"),
        (b"BEGIN:VCARDS\nFN:x\n", "x.vcf", "no BEGIN:VCARD"),
    ],
)
def test_bad_input_gets_a_clear_message(data: bytes, name: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        read_data(data, name)


def test_truncated_xlsx_is_reported() -> None:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["Company"])
    workbook.save(buffer)
    data = buffer.getvalue()
    with pytest.raises(ImportFileError, match="damaged or truncated"):
        read_data(data[: len(data) // 2], "cut.xlsx")


def test_zip_that_is_no_workbook_is_reported() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportFileError, match="XLSX"):
        read_data(buffer.getvalue(), "x.xlsx")


def test_vanished_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="moved, renamed or deleted"):
        read_source(tmp_path / "gone.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_source(tmp_path)


def test_file_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prospection.core.imports import source

    monkeypatch.setattr(source, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.csv"
    path.write_bytes(b"Company\n" + b"A\n" * 20)
    with pytest.raises(ImportFileError, match="split it"):
        read_source(path)


def test_csv_error_names_the_line() -> None:
    import csv

    limit = csv.field_size_limit()
    data = b'Company,Notes\nA,"' + b"x" * (limit + 10) + b'"\n'
    with pytest.raises(ImportFileError, match="line 2"):
        read_data(data, "x.csv")
