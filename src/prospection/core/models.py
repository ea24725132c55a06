"""SQLAlchemy 2 ORM models of Prospection's data (one SQLite file).

Times are stored in UTC and come back timezone-aware; the UI shows them in local time.
Every schema change is an Alembic revision in `migrations/versions/`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import JSON

from prospection.core.enums import (
    ActivityKind,
    Channel,
    ContactRole,
    Outcome,
    PhoneKind,
    SessionStatus,
    Stage,
)

# Deterministic constraint names, so that batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A datetime stored as naive UTC text and returned aware (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def _enum(cls: type[Any], length: int = 20) -> Enum:
    """A string column holding an enum's values (not its member names)."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}  # noqa: RUF012


prospect_tag = Table(
    "prospect_tag",
    Base.metadata,
    Column("prospect_id", ForeignKey("prospect.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_prospect_tag_tag_id", "tag_id"),
)


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class ImportBatch(Base):
    """One imported file: the GDPR source of every prospect and contact it created."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_hash: Mapped[str] = mapped_column(String(64), index=True)
    file_format: Mapped[str] = mapped_column(String(20), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    rows_read: Mapped[int] = mapped_column(default=0)
    prospects_created: Mapped[int] = mapped_column(default=0)
    contacts_created: Mapped[int] = mapped_column(default=0)
    merged: Mapped[int] = mapped_column(default=0)
    invalid: Mapped[int] = mapped_column(default=0)
    # What merging changed on existing rows, so that "Undo import" can restore it.
    merge_log: Mapped[list[Any]] = mapped_column(JSON, default=list)
    undone_at: Mapped[datetime | None]


class AppUser(Base):
    """A person using the data: one (the local user) on a desktop file, several in a team."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


#: The user migration 0009 creates for an existing file: the person who already used it.
#: Rows written without a user (every row before 0009) belong to them (server default).
LOCAL_USER_ID = 1


def _user_column() -> Mapped[int]:
    # No foreign key: SQLite cannot add a referencing column with a non-null default
    # without copying the table (activities run into the millions). Users are never
    # deleted, so the reference is kept by the app.
    return mapped_column(server_default=text(str(LOCAL_USER_ID)))


class Prospect(Base):
    """An organisation (or a person, for consumer sales) one sells to."""

    __tablename__ = "prospect"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    # Name with case, accents, punctuation and legal forms set aside (grouping, duplicates).
    name_key: Mapped[str] = mapped_column(String(255), default="", index=True)
    website: Mapped[str] = mapped_column(String(255), default="")
    industry: Mapped[str] = mapped_column(String(120), default="")
    size: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    # Sorted and searched case-insensitively (migration 0003's NOCASE index, the FTS index).
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="FR")
    stage: Mapped[Stage] = mapped_column(_enum(Stage), default=Stage.NEW, index=True)
    priority: Mapped[int] = mapped_column(default=0)  # 0 (none) to 3 (highest)
    pains: Mapped[str] = mapped_column(Text, default="")
    pitch: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_action_at: Mapped[datetime | None] = mapped_column(index=True)
    next_action_text: Mapped[str] = mapped_column(Text, default="")
    # Denormalised from activities, so that the table sorts on them without joins.
    last_contact_at: Mapped[datetime | None] = mapped_column(index=True)
    last_inbound_at: Mapped[datetime | None]  # last contact the prospect initiated (GDPR)
    call_attempts: Mapped[int] = mapped_column(default=0)  # unanswered calls in a row
    # What the table's contact, phone and tags columns show, copied here by triggers
    # (migration 0003) so that those columns sort on an index. Never written by the app.
    sort_contact: Mapped[str | None] = mapped_column(String(255))
    sort_phone: Mapped[str | None] = mapped_column(String(80))
    sort_tags: Mapped[str | None] = mapped_column(String(80))
    # What the table shows in those columns, copied by the same triggers (migration
    # 0005) so that a row of the table is read from the prospect alone. Never written
    # by the app; tags are joined by the unit separator (char 31), in no set order.
    shown_contact: Mapped[str | None] = mapped_column(String(255))
    shown_phone_raw: Mapped[str | None] = mapped_column(String(80))
    shown_phone_e164: Mapped[str | None] = mapped_column(String(20))
    shown_tags: Mapped[str | None] = mapped_column(Text)
    has_dnc: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    # Whether the shown phone was flagged wrong (struck through; migration 0008).
    shown_phone_wrong: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("0")
    )
    # Where the data came from (GDPR): "manual", "import", "demo", "cli".
    source: Mapped[str] = mapped_column(String(40), default="manual")
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )
    collected_at: Mapped[datetime] = mapped_column(default=utcnow)
    is_consumer: Mapped[bool] = mapped_column(Boolean, default=False)
    client_since: Mapped[date | None] = mapped_column(Date, index=True)
    yearly_revenue: Mapped[float | None] = mapped_column(Float)
    # Team mode (migration 0009): who owns the prospect (None: nobody in particular),
    # and who called it last, copied by `log_call` like `last_contact_at`, so that the
    # table shows them from the prospect alone.
    # Plain ids (no foreign key, as for `user_id` below: SQLite could not drop such a
    # column on downgrade without copying the table).
    owner_id: Mapped[int | None] = mapped_column(index=True)
    last_caller_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Optimistic versioning (migration 0011): moved by every write of the row, so that a
    # save prepared on an older copy is checked field by field (prospect_editing).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="prospect",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(Contact.is_primary.desc(), Contact.id)",
    )
    activities: Mapped[list[Activity]] = relationship(
        back_populates="prospect",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Activity.occurred_at.desc()",
    )
    tags: Mapped[list[Tag]] = relationship(secondary=prospect_tag, order_by="Tag.name")


class Contact(Base):
    """A person at a prospect."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    prospect_id: Mapped[int] = mapped_column(
        ForeignKey("prospect.id", ondelete="CASCADE"), index=True
    )
    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(160), default="")
    role: Mapped[ContactRole] = mapped_column(_enum(ContactRole), default=ContactRole.OTHER)
    email: Mapped[str] = mapped_column(String(255), default="", index=True)
    linkedin_url: Mapped[str] = mapped_column(String(255), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    # Do-not-contact, per channel, with when and why (GDPR objection).
    dnc_phone: Mapped[bool] = mapped_column(Boolean, default=False)
    dnc_phone_at: Mapped[datetime | None]
    dnc_phone_reason: Mapped[str] = mapped_column(Text, default="")
    dnc_email: Mapped[bool] = mapped_column(Boolean, default=False)
    dnc_email_at: Mapped[datetime | None]
    dnc_email_reason: Mapped[str] = mapped_column(Text, default="")
    # Prior consent to be called (required for consumers since 11 August 2026).
    consent_at: Mapped[datetime | None]
    consent_channel: Mapped[str] = mapped_column(String(40), default="")
    consent_wording: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(40), default="manual")
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )
    collected_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Source columns an import could not map: kept, never dropped.
    extra_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))  # as Prospect's

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    prospect: Mapped[Prospect] = relationship(back_populates="contacts")
    phones: Mapped[list[Phone]] = relationship(
        back_populates="contact",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Phone.position",
    )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


class Phone(Base):
    """A phone number: the text as typed, and E.164 when phonenumbers could parse it."""

    __tablename__ = "phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PhoneKind] = mapped_column(_enum(PhoneKind), default=PhoneKind.WORK)
    raw: Mapped[str] = mapped_column(String(80))
    e164: Mapped[str | None] = mapped_column(String(20), index=True)
    is_wrong: Mapped[bool] = mapped_column(Boolean, default=False)  # flagged by a call
    position: Mapped[int] = mapped_column(default=0)

    contact: Mapped[Contact] = relationship(back_populates="phones")


class CallSession(Base):
    """A batch of calls worked through in the call-session dialog."""

    __tablename__ = "call_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = _user_column()
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    status: Mapped[SessionStatus] = mapped_column(
        _enum(SessionStatus), default=SessionStatus.ACTIVE, index=True
    )
    source: Mapped[str] = mapped_column(String(120), default="due")
    planned_size: Mapped[int | None]
    time_box_minutes: Mapped[int | None]
    queue: Mapped[list[Any]] = mapped_column(JSON, default=list)  # prospect ids, in order
    position: Mapped[int] = mapped_column(default=0)  # index of the current prospect
    follow_ups: Mapped[int] = mapped_column(default=0)  # calls that left a dated next action
    skipped: Mapped[int] = mapped_column(default=0)
    # Notes typed for the current prospect before an outcome was chosen (saved as typed,
    # so a crash mid-call loses nothing).
    draft_notes: Mapped[str] = mapped_column(Text, default="")


class Activity(Base):
    """A call, email, meeting, note or stage change on a prospect."""

    __tablename__ = "activity"
    __table_args__ = (
        Index("ix_activity_prospect_occurred", "prospect_id", "occurred_at"),
        # Weekly goals, streaks and insights count calls by time and outcome from it.
        Index("ix_activity_kind_inbound_occurred", "kind", "inbound", "occurred_at", "outcome"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    prospect_id: Mapped[int] = mapped_column(ForeignKey("prospect.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    phone_id: Mapped[int | None] = mapped_column(ForeignKey("phone.id", ondelete="SET NULL"))
    call_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("call_session.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[ActivityKind] = mapped_column(_enum(ActivityKind), index=True)
    outcome: Mapped[Outcome | None] = mapped_column(_enum(Outcome))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    duration_seconds: Mapped[int | None]
    inbound: Mapped[bool] = mapped_column(Boolean, default=False)  # initiated by the prospect
    notes: Mapped[str] = mapped_column(Text, default="")
    # Meetings: where, and until when; stage changes: from and to.
    location: Mapped[str] = mapped_column(Text, default="")
    ends_at: Mapped[datetime | None]
    stage_from: Mapped[str | None] = mapped_column(String(20))
    stage_to: Mapped[str | None] = mapped_column(String(20))
    user_id: Mapped[int] = _user_column()  # who did it (migration 0009)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    prospect: Mapped[Prospect] = relationship(back_populates="activities")
    contact: Mapped[Contact | None] = relationship()


class WeeklyGoal(Base):
    """One user's targets for one ISO week ("2026-W48"). Past weeks are never rewritten."""

    __tablename__ = "weekly_goal"
    __table_args__ = (UniqueConstraint("user_id", "week", name="uq_weekly_goal_user_week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = _user_column()
    week: Mapped[str] = mapped_column(String(8))
    calls: Mapped[int] = mapped_column(default=40)
    reached: Mapped[int] = mapped_column(default=8)
    conversations: Mapped[int] = mapped_column(default=5)
    meetings: Mapped[int] = mapped_column(default=2)
    new_clients: Mapped[int] = mapped_column(default=0)


class TalkTrack(Base):
    """A call script: an opener, discovery questions and objection -> answer pairs."""

    __tablename__ = "talk_track"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    language: Mapped[str] = mapped_column(String(8), default="en")
    opener: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[str] = mapped_column(Text, default="")
    objections: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [[objection, answer]]
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Suppression(Base):
    """A salted hash of an objecting person's phone or email; outlives their erasure."""

    __tablename__ = "suppression"
    __table_args__ = (UniqueConstraint("channel", "digest", name="uq_suppression_channel_digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(_enum(Channel))
    digest: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CallLease(Base):
    """A prospect reserved by a call session, until `expires_at` (renewed as it goes).

    Two people's sessions never serve the same prospect: a session only keeps, in its
    queue, the prospects it holds a live lease on (core/call_leases.py).
    """

    __tablename__ = "call_lease"

    prospect_id: Mapped[int] = mapped_column(
        ForeignKey("prospect.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column()
    call_session_id: Mapped[int] = mapped_column(
        ForeignKey("call_session.id", ondelete="CASCADE"), index=True
    )
    expires_at: Mapped[datetime] = mapped_column()


class Setting(Base):
    """A user setting that belongs with the data (retry cadence, region, salt ...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
