"""table sort indexes: every visible column sorts (and pages) from an index

The prospect table sorts in SQL and pages with OFFSET; at a million prospects that is
only fast when an index gives the order. Name and city sort case-insensitively (NOCASE
indexes), stage in funnel order (an index on the same CASE expression the query uses),
priority on its own index. The contact, phone and tags columns sorted on correlated
subqueries (a full scan per sort); they are now copied onto the prospect, kept up to
date by triggers, and indexed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 11:40:00

"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from prospection.core.migrations import portable

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out (not imported) so that this revision never changes. The stage order must
# stay identical to `prospects.STAGE_RANK_SQL`, or the index is not used.
STAGE_RANK = (
    "CASE stage WHEN 'new' THEN 0 WHEN 'attempted' THEN 1 WHEN 'reached' THEN 2 "
    "WHEN 'meeting' THEN 3 WHEN 'proposal' THEN 4 WHEN 'client' THEN 5 WHEN 'lost' THEN 6 "
    "WHEN 'not_a_fit' THEN 7 WHEN 'unreachable' THEN 8 ELSE 99 END"
)

# The primary contact (then the first one), its first phone, the first tag by name:
# what the table shows in those columns.
_CONTACT = """(SELECT trim(c.last_name || ' ' || c.first_name) FROM contact c
  WHERE c.prospect_id = {pid} ORDER BY c.is_primary DESC, c.id LIMIT 1)"""
_PHONE = """(SELECT coalesce(ph.e164, ph.raw) FROM phone ph JOIN contact c ON c.id = ph.contact_id
  WHERE c.prospect_id = {pid} ORDER BY c.is_primary DESC, c.id, ph.position LIMIT 1)"""
_TAGS = """(SELECT min(t.name) FROM tag t JOIN prospect_tag pt ON pt.tag_id = t.id
  WHERE pt.prospect_id = {pid})"""


def _set_people(pid: str) -> str:
    return (
        f"UPDATE prospect SET sort_contact = {_CONTACT.format(pid=pid)}, "
        f"sort_phone = {_PHONE.format(pid=pid)} WHERE id = {pid};"
    )


def _set_tags(pid: str) -> str:
    return f"UPDATE prospect SET sort_tags = {_TAGS.format(pid=pid)} WHERE id = {pid};"


_PHONE_PROSPECT = "(SELECT prospect_id FROM contact WHERE id = {row}.contact_id)"

_TRIGGERS = {
    "contact_sort_ai": ("AFTER INSERT ON contact", _set_people("NEW.prospect_id")),
    "contact_sort_au": (
        "AFTER UPDATE OF prospect_id, first_name, last_name, is_primary ON contact",
        _set_people("OLD.prospect_id") + "\n" + _set_people("NEW.prospect_id"),
    ),
    "contact_sort_ad": ("AFTER DELETE ON contact", _set_people("OLD.prospect_id")),
    "phone_sort_ai": (
        "AFTER INSERT ON phone",
        _set_people(_PHONE_PROSPECT.format(row="NEW")),
    ),
    "phone_sort_au": (
        "AFTER UPDATE OF contact_id, raw, e164, position ON phone",
        _set_people(_PHONE_PROSPECT.format(row="OLD"))
        + "\n"
        + _set_people(_PHONE_PROSPECT.format(row="NEW")),
    ),
    "phone_sort_ad": (
        "AFTER DELETE ON phone",
        _set_people(_PHONE_PROSPECT.format(row="OLD")),
    ),
    "prospect_tag_sort_ai": ("AFTER INSERT ON prospect_tag", _set_tags("NEW.prospect_id")),
    "prospect_tag_sort_ad": ("AFTER DELETE ON prospect_tag", _set_tags("OLD.prospect_id")),
}

_INDEXES = {
    "ix_prospect_name_nocase": "name COLLATE NOCASE",
    "ix_prospect_city_nocase": "city COLLATE NOCASE",
    "ix_prospect_stage_rank": STAGE_RANK,
    "ix_prospect_priority": "priority",
    "ix_prospect_sort_contact": "sort_contact",
    "ix_prospect_sort_phone": "sort_phone",
    "ix_prospect_sort_tags": "sort_tags",
}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("prospect", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sort_contact", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("sort_phone", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("sort_tags", sa.String(length=80), nullable=True))
    op.execute(
        "UPDATE prospect SET "
        f"sort_contact = {_CONTACT.format(pid='prospect.id')}, "
        f"sort_phone = {_PHONE.format(pid='prospect.id')}, "
        f"sort_tags = {_TAGS.format(pid='prospect.id')}"
    )
    for name, (when, body) in _TRIGGERS.items():
        portable.create_trigger(name, when, body)
    # A renamed tag may change the first tag of every prospect wearing it.
    portable.create_trigger(
        "tag_sort_au",
        "AFTER UPDATE OF name ON tag",
        f"UPDATE prospect SET sort_tags = {_TAGS.format(pid='prospect.id')} "
        "WHERE id IN (SELECT prospect_id FROM prospect_tag WHERE tag_id = NEW.id);",
    )
    for name, expression in _INDEXES.items():
        if not portable.is_sqlite():  # no NOCASE collation: the lower-cased value
            expression = re.sub(r"^(\w+) COLLATE NOCASE$", r"lower(\1)", expression)
            expression = f"({expression})"  # an expression index wants its parentheses
        op.execute(f"CREATE INDEX {name} ON prospect ({expression})")


def downgrade() -> None:
    """Downgrade schema."""
    for name in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    portable.drop_trigger("tag_sort_au", "AFTER UPDATE OF name ON tag")
    for name, (when, _body) in _TRIGGERS.items():
        portable.drop_trigger(name, when)
    with op.batch_alter_table("prospect", schema=None) as batch_op:
        batch_op.drop_column("sort_tags")
        batch_op.drop_column("sort_phone")
        batch_op.drop_column("sort_contact")
