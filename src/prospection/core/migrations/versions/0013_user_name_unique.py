"""user name unique: one user per name, case and surrounding spaces aside

Issue 17 (team mode). Two people coming in at the same instant with the same new name
could add two `app_user` rows (the app finds a user by name, then adds one: two
transactions can both find nobody). A unique index on `lower(trim(name))` makes the
second insert fail; `users.add_user` then reads the row the first one added.

The unnamed local user of migration 0009 (name '') is left out (a partial index), as
are other unnamed rows, should there be any.

Duplicates already there (from before this revision) are renamed, never merged (a merge
would move activities, sessions, goals, owners from one id to another, and two goals
of one week would clash): the oldest row (lowest id) keeps its name, each later one
becomes "Name (2)", "Name (3)"... (the first number whose name is free), in id order.
Their ids, and so everything they did, stay as they were. Downgrade drops the index and
keeps the new names.

SQLite's `lower()` folds ASCII letters only ("Élise" and "élise" are two keys there);
PostgreSQL's folds every letter. The app's look-up (`users.find_user`) folds every
letter on both, so the index is the guard against a race, on a team server.

Revision ID: 0013_user_name_unique
Revises: 0012_change_notify
Create Date: 2026-12-05 21:20:00

"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0013_user_name_unique"
down_revision: str | Sequence[str] | None = "0012_change_notify"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_app_user_name_key"
_NAME_MAX = 120  # app_user.name's length


def _rename_duplicates() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        text("SELECT id, name, lower(trim(name)) FROM app_user WHERE name <> '' ORDER BY id")
    ).all()
    taken = {str(key) for _, _, key in rows}
    seen: set[str] = set()
    for user_id, name, key in rows:
        if key not in seen:
            seen.add(key)
            continue
        base = str(name).strip()
        number = 2
        while True:
            suffix = f" ({number})"
            candidate = base[: _NAME_MAX - len(suffix)] + suffix
            candidate_key = bind.execute(text("SELECT lower(:name)"), {"name": candidate}).scalar()
            if candidate_key not in taken:
                break
            number += 1
        taken.add(str(candidate_key))
        bind.execute(
            text("UPDATE app_user SET name = :name WHERE id = :id"),
            {"name": candidate, "id": user_id},
        )


def upgrade() -> None:
    """Upgrade schema."""
    _rename_duplicates()
    op.execute(f"CREATE UNIQUE INDEX {INDEX} ON app_user (lower(trim(name))) WHERE name <> ''")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
