"""table shown copies: a table row is read from the prospect alone

The table shows, for each prospect, its first contact (primary first), that contact's
first phone not marked wrong, its tags and whether anyone there asked not to be called.
Read through joins, a row touched six or seven pages in four tables: at a million
prospects, scrolling far into the table read them from disk (about 10 ms for the 40
rows of a screen, against 0.3 ms for the prospect rows alone). Those values are now
copied onto the prospect by the same triggers that keep the sort copies of migration
0003 (one UPDATE per change, recreated here with both), so a row is one page.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 16:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from prospection.core.migrations import portable

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out (not imported) so that this revision never changes. The sort copies are
# migration 0003's, unchanged.
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
_HAS_DNC = """EXISTS (SELECT 1 FROM contact d WHERE d.prospect_id = {pid} AND d.dnc_phone)"""
_SHOWN_TAGS = """(SELECT group_concat(t.name, char(31)) FROM prospect_tag pt
  JOIN tag t ON t.id = pt.tag_id WHERE pt.prospect_id = {pid})"""


def _people_values(pid: str, *, shown: bool = True) -> str:
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
    return ", ".join(values)


def _tags_values(pid: str, *, shown: bool = True) -> str:
    values = [f"sort_tags = {_SORT_TAGS.format(pid=pid)}"]
    if shown:
        values.append(f"shown_tags = {_SHOWN_TAGS.format(pid=pid)}")
    return ", ".join(values)


def _set_people(pid: str, *, shown: bool = True) -> str:
    return f"UPDATE prospect SET {_people_values(pid, shown=shown)} WHERE id = {pid};"


def _set_tags(pid: str, *, shown: bool = True) -> str:
    return f"UPDATE prospect SET {_tags_values(pid, shown=shown)} WHERE id = {pid};"


_PHONE_PROSPECT = "(SELECT prospect_id FROM contact WHERE id = {row}.contact_id)"


def _triggers(*, shown: bool) -> dict[str, tuple[str, str]]:
    # The columns whose change may change a copy: with the shown copies, a contact's
    # do-not-call flag and a phone marked wrong count too.
    contact_columns = "prospect_id, first_name, last_name, is_primary"
    phone_columns = "contact_id, raw, e164, position"
    if shown:
        contact_columns += ", dnc_phone"
        phone_columns += ", is_wrong"

    def people(pid: str) -> str:
        return _set_people(pid, shown=shown)

    def tags(pid: str) -> str:
        return _set_tags(pid, shown=shown)

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
            f"UPDATE prospect SET {_tags_values('prospect.id', shown=shown)} "
            "WHERE id IN (SELECT prospect_id FROM prospect_tag WHERE tag_id = NEW.id);",
        ),
    }


def _create_triggers(*, shown: bool) -> None:
    for name, (when, body) in _triggers(shown=shown).items():
        portable.drop_trigger(name, when)
        portable.create_trigger(name, when, body)


def upgrade() -> None:
    """Upgrade schema."""
    # Plain ALTER TABLE ADD COLUMN (no batch copy of the table): a million rows stay put,
    # and the expression index of migration 0003 needs no reflection.
    op.add_column("prospect", sa.Column("shown_contact", sa.String(length=255), nullable=True))
    op.add_column("prospect", sa.Column("shown_phone_raw", sa.String(length=80), nullable=True))
    op.add_column("prospect", sa.Column("shown_phone_e164", sa.String(length=20), nullable=True))
    op.add_column("prospect", sa.Column("shown_tags", sa.Text(), nullable=True))
    op.add_column(
        "prospect",
        sa.Column(
            "has_dnc",
            sa.Boolean(),
            server_default=sa.text(portable.false_default()),
            nullable=False,
        ),
    )
    pid = "prospect.id"
    op.execute(
        portable.sql(
            f"UPDATE prospect SET shown_contact = {_SHOWN_CONTACT.format(pid=pid)}, "
            f"shown_phone_raw = {_SHOWN_PHONE.format(pid=pid, column='raw')}, "
            f"shown_phone_e164 = {_SHOWN_PHONE.format(pid=pid, column='e164')}, "
            f"has_dnc = {_HAS_DNC.format(pid=pid)}, "
            f"shown_tags = {_SHOWN_TAGS.format(pid=pid)}"
        )
    )
    _create_triggers(shown=True)


def downgrade() -> None:
    """Downgrade schema."""
    _create_triggers(shown=False)
    for column in ("has_dnc", "shown_tags", "shown_phone_e164", "shown_phone_raw", "shown_contact"):
        op.drop_column("prospect", column)
