"""shown phone wrong: the table strikes through a number flagged wrong

The table shows the first contact's first phone not marked wrong, else its first: when
every number of that contact was flagged wrong by a call, it shows a wrong number, and
should say so (struck through, issue 15). Whether the shown phone is wrong is copied
onto the prospect by the same triggers as migration 0005's copies (one more value in
their one UPDATE, so the import's set-based rebuild, read from the trigger, writes it
too), so a table row is still read from the prospect alone.

Revision ID: 0008_shown_phone_wrong
Revises: 0007
Create Date: 2026-12-05 13:40:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from prospection.core.migrations import portable

revision: str = "0008_shown_phone_wrong"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out (not imported) so that this revision never changes: migration 0005's
# copies, with `shown_phone_wrong` added to the same UPDATE (`wrong=True`).
_SORT_CONTACT = """(SELECT trim(c.last_name || ' ' || c.first_name) FROM contact c
  WHERE c.prospect_id = {pid} ORDER BY c.is_primary DESC, c.id LIMIT 1)"""
_SORT_PHONE = """(SELECT coalesce(ph.e164, ph.raw) FROM phone ph JOIN contact c ON c.id = ph.contact_id
  WHERE c.prospect_id = {pid} ORDER BY c.is_primary DESC, c.id, ph.position LIMIT 1)"""
_SORT_TAGS = """(SELECT min(t.name) FROM tag t JOIN prospect_tag pt ON pt.tag_id = t.id
  WHERE pt.prospect_id = {pid})"""

# What the table shows: "first last" of the first contact in the editor's order, the
# first phone of that contact not marked wrong (else its first), anyone asking not to
# be called, every tag name (joined by the unit separator; sorted when read).
_SHOWN_CONTACT = """(SELECT CASE WHEN c.first_name <> '' AND c.last_name <> ''
  THEN c.first_name || ' ' || c.last_name
  ELSE coalesce(nullif(c.first_name, ''), nullif(c.last_name, ''), '') END
  FROM contact c WHERE c.prospect_id = {pid} ORDER BY c.is_primary DESC, c.id LIMIT 1)"""
_SHOWN_PHONE = """(SELECT ph.{column} FROM phone ph WHERE ph.contact_id = (
  SELECT c.id FROM contact c WHERE c.prospect_id = {pid} ORDER BY c.is_primary DESC, c.id LIMIT 1)
  ORDER BY coalesce(ph.is_wrong, 0), ph.position, ph.id LIMIT 1)"""
_SHOWN_PHONE_WRONG = """coalesce((SELECT ph.is_wrong FROM phone ph WHERE ph.contact_id = (
  SELECT c.id FROM contact c WHERE c.prospect_id = {pid} ORDER BY c.is_primary DESC, c.id LIMIT 1)
  ORDER BY coalesce(ph.is_wrong, 0), ph.position, ph.id LIMIT 1), {false})"""
_HAS_DNC = """EXISTS (SELECT 1 FROM contact d WHERE d.prospect_id = {pid} AND d.dnc_phone)"""
_SHOWN_TAGS = """(SELECT group_concat(t.name, char(31)) FROM prospect_tag pt
  JOIN tag t ON t.id = pt.tag_id WHERE pt.prospect_id = {pid})"""


def _people_values(pid: str, *, shown: bool = True, wrong: bool = True) -> str:
    values = [
        f"sort_contact = {_SORT_CONTACT.format(pid=pid)}",
        f"sort_phone = {_SORT_PHONE.format(pid=pid)}",
    ]
    if shown:
        values += [
            f"shown_contact = {_SHOWN_CONTACT.format(pid=pid)}",
            f"shown_phone_raw = {_SHOWN_PHONE.format(pid=pid, column='raw')}",
            f"shown_phone_e164 = {_SHOWN_PHONE.format(pid=pid, column='e164')}",
            f"has_dnc = {_HAS_DNC.format(pid=pid)}",
        ]
    if wrong:
        wrong_value = _SHOWN_PHONE_WRONG.format(pid=pid, false=portable.false_default())
        values.append(f"shown_phone_wrong = {wrong_value}")
    return ", ".join(values)


def _tags_values(pid: str, *, shown: bool = True) -> str:
    values = [f"sort_tags = {_SORT_TAGS.format(pid=pid)}"]
    if shown:
        values.append(f"shown_tags = {_SHOWN_TAGS.format(pid=pid)}")
    return ", ".join(values)


def _set_people(pid: str, *, wrong: bool) -> str:
    return f"UPDATE prospect SET {_people_values(pid, wrong=wrong)} WHERE id = {pid};"


def _set_tags(pid: str, *, shown: bool = True) -> str:
    return f"UPDATE prospect SET {_tags_values(pid, shown=shown)} WHERE id = {pid};"


_PHONE_PROSPECT = "(SELECT prospect_id FROM contact WHERE id = {row}.contact_id)"


def _triggers(*, wrong: bool) -> dict[str, tuple[str, str]]:
    # The columns whose change may change a copy (as in 0005: a phone marked wrong
    # already counted).
    contact_columns = "prospect_id, first_name, last_name, is_primary, dnc_phone"
    phone_columns = "contact_id, raw, e164, position, is_wrong"

    def people(pid: str) -> str:
        return _set_people(pid, wrong=wrong)

    def tags(pid: str) -> str:
        return _set_tags(pid)

    return {
        "contact_sort_ai": ("AFTER INSERT ON contact", people("NEW.prospect_id")),
        "contact_sort_au": (
            f"AFTER UPDATE OF {contact_columns} ON contact",
            people("OLD.prospect_id") + "\n" + people("NEW.prospect_id"),
        ),
        "contact_sort_ad": ("AFTER DELETE ON contact", people("OLD.prospect_id")),
        "phone_sort_ai": ("AFTER INSERT ON phone", people(_PHONE_PROSPECT.format(row="NEW"))),
        "phone_sort_au": (
            f"AFTER UPDATE OF {phone_columns} ON phone",
            people(_PHONE_PROSPECT.format(row="OLD"))
            + "\n"
            + people(_PHONE_PROSPECT.format(row="NEW")),
        ),
        "phone_sort_ad": ("AFTER DELETE ON phone", people(_PHONE_PROSPECT.format(row="OLD"))),
        "prospect_tag_sort_ai": ("AFTER INSERT ON prospect_tag", tags("NEW.prospect_id")),
        "prospect_tag_sort_ad": ("AFTER DELETE ON prospect_tag", tags("OLD.prospect_id")),
        # A renamed tag may change the first tag of every prospect wearing it.
        "tag_sort_au": (
            "AFTER UPDATE OF name ON tag",
            f"UPDATE prospect SET {_tags_values('prospect.id')} "
            "WHERE id IN (SELECT prospect_id FROM prospect_tag WHERE tag_id = NEW.id);",
        ),
    }


def _create_triggers(*, wrong: bool) -> None:
    # portable: on SQLite exactly `DROP TRIGGER IF EXISTS` + `CREATE TRIGGER ... END`;
    # on PostgreSQL the PL/pgSQL function and row trigger of migration 0005.
    for name, (when, body) in _triggers(wrong=wrong).items():
        portable.drop_trigger(name, when)
        portable.create_trigger(name, when, body)


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        "prospect",
        sa.Column(
            "shown_phone_wrong",
            sa.Boolean(),
            server_default=sa.text(portable.false_default()),
            nullable=False,
        ),
    )
    # Only prospects with a wrong number can have a wrong shown phone.
    wrong_value = _SHOWN_PHONE_WRONG.format(pid="prospect.id", false=portable.false_default())
    op.execute(
        portable.sql(
            f"UPDATE prospect SET shown_phone_wrong = {wrong_value} "
            "WHERE id IN (SELECT c.prospect_id FROM contact c JOIN phone ph ON ph.contact_id = c.id "
            "WHERE ph.is_wrong)"
        )
    )
    _create_triggers(wrong=True)


def downgrade() -> None:
    """Downgrade schema."""
    _create_triggers(wrong=False)
    op.drop_column("prospect", "shown_phone_wrong")
