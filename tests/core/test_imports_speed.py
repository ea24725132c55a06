"""Issue 14, item 10 (fourth round): the import's faster paths give the old answers.

Each test compares a hot path with the code it replaced (kept here as the reference),
on generated inputs.
"""

from __future__ import annotations

import sys
from itertools import product, starmap
from operator import itemgetter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospection.core.enums import ContactRole, PhoneKind, Stage
from prospection.core.imports.fields import Field
from prospection.core.imports.messages import Code, message
from prospection.core.imports.phone_batch import _ASCII_DIGITS
from prospection.core.imports.planner import (
    _CONTACT_KEYS,
    _PROSPECT_ATTRIBUTES,
    _PROSPECT_KEYS,
    ContactTarget,
    ProspectTarget,
    _contact_fields,
    _fill_prospect,
    _new_contact,
)
from prospection.core.imports.planner import _prospect_fields as _planned_prospect_fields
from prospection.core.imports.records import (
    PhoneValue,
    Record,
    RecordBuilder,
    _add_emails,
    check_plain_email,
)
from prospection.core.imports.search_index import document_text, person_words, phone_words
from prospection.core.imports.writer import _PROSPECT_FILLABLE, _document, _notes

# Texts with what documents are made of: spaces, separators, accents, new lines.
_TEXT = st.text(alphabet=st.sampled_from("aéZ 0+-./\n'"), max_size=8)
_BLANK_PROSPECT = dict.fromkeys(_PROSPECT_FILLABLE, "")
_pick_fillable = itemgetter(*_PROSPECT_FILLABLE)


def _old_prospect_fields(target: ProspectTarget) -> list[Any]:
    # The writer's `_prospect_fields` before the fourth round.
    fields = list(_pick_fillable({**_BLANK_PROSPECT, **target.values}))
    if target.notes_extra:
        fields[-1] = "\n".join(part for part in (fields[-1], *target.notes_extra) if part)
    return fields


def _old_document(target: ProspectTarget, group: Any) -> str:
    # The writer's `texts()` before the fourth round.
    _web, industry, _size, _address, postal, city, pains, pitch, notes = _old_prospect_fields(
        target
    )
    searched = (target.name[:255], city, postal, industry, pains, pitch, notes)
    people: list[str] = []
    numbers: list[str] = []
    for contact in () if group is None else group if isinstance(group, list) else (group,):
        values = contact.values
        email = contact.emails[0] if contact.emails else ""
        people.append(
            person_words(
                values.get("first_name") or "",
                values.get("last_name") or "",
                email,
                values.get("title") or "",
            )
        )
        numbers.extend([phone_words(p.raw, p.e164) for p in contact.phones])
    return document_text(searched, people, numbers)


# A new prospect's values hold only non-empty texts (and a stage, consumer flag, owner).
_PROSPECT_VALUES = st.dictionaries(
    st.sampled_from([*_PROSPECT_FILLABLE, "country", "owner"]), _TEXT.filter(bool), max_size=6
)
_PHONES = st.lists(
    st.builds(
        PhoneValue,
        kind=st.sampled_from(list(PhoneKind)),
        raw=_TEXT,
        e164=st.none() | st.from_regex(r"\+[0-9]{6,12}", fullmatch=True),
    ),
    max_size=3,
)
_CONTACT = st.fixed_dictionaries(
    {
        "values": st.dictionaries(
            st.sampled_from(["first_name", "last_name", "title", "linkedin_url"]),
            _TEXT.filter(bool),
            max_size=4,
        ),
        "emails": st.lists(_TEXT.filter(bool), max_size=2),
        "phones": _PHONES,
    }
)


@settings(max_examples=400, deadline=None)
@given(
    name=st.text(max_size=300),
    values=_PROSPECT_VALUES,
    notes_extra=st.lists(_TEXT, max_size=3),
    people=st.lists(_CONTACT, max_size=3),
    as_list=st.booleans(),
)
def test_search_documents_are_what_document_text_makes(
    name: str,
    values: dict[str, str],
    notes_extra: list[str],
    people: list[dict[str, Any]],
    as_list: bool,
) -> None:
    target = ProspectTarget(name=name, key=name.lower(), values=values)
    if notes_extra:
        target.more_notes().extend(notes_extra)
    contacts = list(
        starmap(
            lambda v, e, p: ContactTarget(target, None, v, e, p),
            ((c["values"], c["emails"], c["phones"]) for c in people),
        )
    )
    # The writer keeps a prospect's single contact as itself, a list from the second.
    group: Any = None
    if contacts:
        group = contacts if len(contacts) > 1 or as_list else contacts[0]
    assert _document(target, group) == _old_document(target, group)
    assert _notes(target) == _old_prospect_fields(target)[-1]


# --- Records: the fast pass over sole text columns, one email, target values -------------

F = Field
_FIELDS = [None, F.SKIP, F.COMPANY, F.FIRST_NAME, F.LAST_NAME, F.TITLE, F.CITY, F.WEBSITE,
           F.LINKEDIN, F.POSTAL_CODE, F.EMAIL, F.PHONE, F.NOTES, F.FULL_NAME, F.COUNTRY,
           F.ADDRESS, F.TAGS, F.PHONE_MOBILE]  # fmt: skip
# Cells with what sends a value the long way: spaces, "\r", a neutralised formula, a "+",
# scientific notation, and a value longer than its field (see `_long_cell`).
_CELL = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "Acme",
            " Jean ",
            "a\r\nb",
            "'=x",
            "'abc",
            "Canal+",
            "8,41266E+13",
            "a@b.fr",
            "a@b.fr; C@d.fr",
            "06 12 34 56 78, 07 12 34 56 78",
            "1 rue de la Paix\n75002",
            "x e+ y",
            "x@y.fr; z@w.fr",
            "06 12 34 56 78",
            "France",
            "6000",
            "vip; salon",
            "https://linkedin.com/in/x",
            "bad@",
        ]
    ),
    st.text(alphabet="aZ é'+\r\n;E0", max_size=6),
)


def _long_cell(cell: str, long: bool) -> str:
    return cell + "x" * 300 if long and cell.strip() else cell


def _as_compared(record: Record) -> tuple[Any, ...]:
    # Equality, and the order of the extra fields (a dict compares without it).
    return (record, list(record.extra.items()))


@settings(max_examples=500, deadline=None)
@given(
    mapping=st.lists(st.sampled_from(_FIELDS), min_size=1, max_size=8),
    rows=st.lists(
        st.lists(st.tuples(_CELL, st.integers(0, 9).map(lambda n: n == 0)), max_size=9),
        min_size=1,
        max_size=4,
    ),
)
def test_the_fast_pass_builds_the_records_the_long_way_builds(
    mapping: list[Field | None], rows: list[list[tuple[str, bool]]]
) -> None:
    headers = [f"Column {i}" for i in range(len(mapping))]
    fast = RecordBuilder(headers, mapping)
    slow = RecordBuilder(headers, mapping)
    slow.sole_width = sys.maxsize  # every row the long way: the code before the fast pass
    for line, row in enumerate(rows, start=2):
        values = [_long_cell(cell, long) for cell, long in row]
        assert _as_compared(fast.build(line, values)) == _as_compared(slow.build(line, values))


@pytest.mark.parametrize(
    "cell",
    ["'=x", "'abc", " a\r\nb ", "Canal+", "8,41266E+13", "x" * 300, "", " Acme ", "a; b", "e+"],
)
def test_each_kind_of_cell_is_built_as_the_long_way_builds_it(cell: str) -> None:
    mapping: list[Field | None] = [
        F.COMPANY, F.FIRST_NAME, F.CITY, F.EMAIL, F.PHONE, F.ADDRESS, None
    ]  # fmt: skip
    headers = ["Company", "First name", "City", "Email", "Phone", "Address", "Colour"]
    fast = RecordBuilder(headers, mapping)
    slow = RecordBuilder(headers, mapping)
    slow.sole_width = sys.maxsize
    # The cell in each column of the fast pass (sole texts, email, phone, address), the
    # others plain, with a phone in scientific notation or not.
    for position, phone in product(range(6), ("8,41266E+13", "06 12 34 56 78")):
        values = ["Acme", "Jean", "Lyon", "a@b.fr", phone, "1 rue Haute", "blue"]
        values[position] = cell
        assert _as_compared(fast.build(2, values)) == _as_compared(slow.build(2, values))


def _old_add_emails(record: Record, raw_emails: list[str]) -> None:
    # `records._add_emails` before the fourth round.
    others: list[str] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for raw in raw_emails:
        email, error = check_plain_email(raw.strip().removeprefix("mailto:"))
        if error is not None:
            invalid.append(raw.strip())
            record.warnings.append(message(Code.INVALID_EMAIL, email=raw.strip()))
            continue
        if email.casefold() in seen:
            continue
        seen.add(email.casefold())
        if record.emails:
            others.append(email)
        record.emails.append(email)
    if others:
        record.extra["Other emails"] = ", ".join(others)
    if invalid:
        record.extra["Invalid email"] = ", ".join(invalid)


@settings(max_examples=300, deadline=None)
@given(
    raw=st.lists(
        st.sampled_from(
            [
                "a@b.fr",
                "A@B.FR",
                "mailto:x@Y.fr",
                " c@d.fr ",
                "bad@",
                "@",
                "é@x.fr",
                "a..b@c.fr",
                "user+tag@sub.example.co.uk",
            ]
        )
        | st.text(alphabet="ab@.é+ :", max_size=10),
        min_size=1,
        max_size=3,
    )
)
def test_one_email_gives_what_the_loop_gave(raw: list[str]) -> None:
    new, old = Record(2), Record(2)
    _add_emails(new, raw)
    _old_add_emails(old, raw)
    assert _as_compared(new) == _as_compared(old)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.sampled_from(["", "x", "Lyon", " "]), min_size=10, max_size=10),
    stage=st.sampled_from([None, *Stage]),
    consumer=st.sampled_from([None, True, False]),
    owner=st.sampled_from(["", "ana@team.example"]),
    role=st.sampled_from([None, *ContactRole]),
)
def test_target_values_are_the_record_s_true_ones(
    texts: list[str], stage: Stage | None, consumer: bool | None, owner: str,
    role: ContactRole | None,
) -> None:  # fmt: skip
    record = Record(
        2,
        first_name=texts[0],
        last_name=texts[1],
        title=texts[2],
        role=role,
        linkedin=texts[3],
        stage=stage,
        consumer=consumer,
        owner=owner,
    )
    for name, text in zip(_PROSPECT_ATTRIBUTES, texts, strict=True):
        setattr(record, name, text)
    target = ProspectTarget(name="Acme", key="acme")
    assert _fill_prospect(target, record) is None
    assert list(target.values.items()) == [
        (key, value)
        for key, value in zip(_PROSPECT_KEYS, _planned_prospect_fields(record), strict=True)
        if value
    ]
    contact = _new_contact(target, record)
    assert list(contact.values.items()) == [
        (key, value)
        for key, value in zip(_CONTACT_KEYS, _contact_fields(record), strict=True)
        if value
    ]


# --- Phones: ASCII digits without the pattern ------------------------------------------


@settings(max_examples=500, deadline=None)
@given(
    digits=st.text(max_size=12).map(lambda text: "".join(text.split()))
    | st.text(alphabet="0123456789٠١²൧+", max_size=12)
)
def test_ascii_digits_are_what_the_pattern_matched(digits: str) -> None:
    # `PhoneParser._fast` checks a compacted number (no whitespace left) this way.
    assert (digits.isdigit() and digits.isascii()) == bool(_ASCII_DIGITS.match(digits))
