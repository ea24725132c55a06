"""Issue 14, item 10 (fourth round): the import's faster paths give the old answers.

Each test compares a hot path with the code it replaced (kept here as the reference),
on generated inputs.
"""

from __future__ import annotations

from itertools import starmap
from operator import itemgetter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from prospection.core.enums import PhoneKind
from prospection.core.imports.planner import ContactTarget, ProspectTarget
from prospection.core.imports.records import PhoneValue
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
    contacts = list(starmap(lambda v, e, p: ContactTarget(target, None, v, e, p),
                            ((c["values"], c["emails"], c["phones"]) for c in people)))  # fmt: skip
    # The writer keeps a prospect's single contact as itself, a list from the second.
    group: Any = None
    if contacts:
        group = contacts if len(contacts) > 1 or as_list else contacts[0]
    assert _document(target, group) == _old_document(target, group)
    assert _notes(target) == _old_prospect_fields(target)[-1]
