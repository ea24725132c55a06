"""users: people, per-user activities, sessions and goals, owners, call leases

Issue 17 (team mode). A user row per person (`app_user`); an existing file gets one,
the local person, and every row written before (activities, call sessions, weekly
goals) is theirs through the columns' server default, so a single user sees no change.
Prospects get an owner and who called them last (plain copies, read by the table from
the prospect alone, like migration 0005's). `call_lease` reserves the prospects of a
call session so that two people's sessions never serve the same one.

Every column is added with a plain ALTER TABLE ADD COLUMN (no copy of a million-row
table); only `weekly_goal` (a row per week the user changed a target) is rebuilt on
SQLite to make its unique key (user, week).

Revision ID: 0009_users
Revises: 0008_shown_phone_wrong
Create Date: 2026-12-05 19:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_users"
down_revision: str | Sequence[str] | None = "0008_shown_phone_wrong"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LOCAL_USER = "1"  # the first row of app_user: the person who already used the file


def _user_column() -> sa.Column[int]:
    return sa.Column("user_id", sa.Integer(), server_default=sa.text(_LOCAL_USER), nullable=False)


def upgrade() -> None:
    """Upgrade schema."""
    app_user = op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
    )
    # Inserted without an id: the first row of a new table is 1 on both engines, and
    # PostgreSQL's sequence stays in step for the next user.
    op.execute(app_user.insert().values(name="", email="", created_at=sa.func.current_timestamp()))
    op.add_column("activity", _user_column())
    op.add_column("call_session", _user_column())
    op.add_column("weekly_goal", _user_column())
    with op.batch_alter_table("weekly_goal") as batch_op:
        batch_op.drop_constraint("uq_weekly_goal_week", type_="unique")
        batch_op.create_unique_constraint("uq_weekly_goal_user_week", ["user_id", "week"])
    op.add_column("prospect", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.add_column("prospect", sa.Column("last_caller_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_prospect_owner_id"), "prospect", ["owner_id"], unique=False)
    op.create_table(
        "call_lease",
        sa.Column("prospect_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("call_session_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_session_id"],
            ["call_session.id"],
            name=op.f("fk_call_lease_call_session_id_call_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["prospect_id"],
            ["prospect.id"],
            name=op.f("fk_call_lease_prospect_id_prospect"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("prospect_id", name=op.f("pk_call_lease")),
    )
    op.create_index(
        op.f("ix_call_lease_call_session_id"), "call_lease", ["call_session_id"], unique=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_call_lease_call_session_id"), table_name="call_lease")
    op.drop_table("call_lease")
    op.drop_index(op.f("ix_prospect_owner_id"), table_name="prospect")
    op.drop_column("prospect", "last_caller_id")
    op.drop_column("prospect", "owner_id")
    # Other users' targets have no place in a single-user file.
    op.execute(f"DELETE FROM weekly_goal WHERE user_id <> {_LOCAL_USER}")
    with op.batch_alter_table("weekly_goal") as batch_op:
        batch_op.drop_constraint("uq_weekly_goal_user_week", type_="unique")
        batch_op.create_unique_constraint("uq_weekly_goal_week", ["week"])
        batch_op.drop_column("user_id")
    op.drop_column("call_session", "user_id")
    op.drop_column("activity", "user_id")
    op.drop_table("app_user")
