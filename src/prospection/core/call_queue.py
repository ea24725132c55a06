"""Which prospects a call session works through, in which order, and who is left out.

Order: overdue follow-ups (oldest first), then follow-ups due today (earliest first),
then by priority (highest first), then the prospects untouched the longest (never
contacted first). Never queued: contacts marked do-not-call, prospects without a
dialable number (returned apart in `left_out`, so the user can fix them), and, unless
the user chose the prospects one by one (a selection or the table's filter), clients,
lost, unreachable and "not a fit" prospects and prospects whose next action is set for
a later day.

Extra eligibility rules (French consumer-calling rules, for instance) plug in as
functions: each looks at a candidate and either lets it through (None) or returns a
`LeftOut` saying why and when it may be called again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import StrEnum

from sqlalchemy import Select, case, select
from sqlalchemy.orm import Session, selectinload

from prospection.core import users
from prospection.core.call_leases import Hold, colleague_calls, leased_by_others
from prospection.core.calls import dialable_phones
from prospection.core.dialects import unindexed
from prospection.core.enums import OPEN_STAGES, Stage
from prospection.core.models import Contact, Prospect, Tag, utcnow
from prospection.core.phones import display_phone
from prospection.core.working_days import local_day_bounds

DEFAULT_SIZE = 20
#: A time-boxed session has no size; this bounds the queue it is given.
TIME_BOX_QUEUE_LIMIT = 300
_CHUNK = 200


class QueueSource(StrEnum):
    """Where a session's prospects come from."""

    DUE = "due"  # follow-ups due now or today
    NEW = "new"  # never contacted
    TAG = "tag"  # prospects with a tag
    ALL = "all"  # every open prospect
    FILTER = "filter"  # the ids the table's filter shows
    SELECTION = "selection"  # the ids the user selected


class QueueReason(StrEnum):
    """Why a prospect is in the queue (shown as "why now")."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    NEVER_CONTACTED = "never_contacted"
    NOT_CONTACTED_RECENTLY = "not_contacted_recently"
    SCHEDULED_LATER = "scheduled_later"  # chosen explicitly, although due another day


class LeftOutReason(StrEnum):
    """Why a candidate was left out; extra rules may use their own codes."""

    NO_PHONE = "no_phone"
    DO_NOT_CALL = "do_not_call"
    # Team mode: a colleague's session holds it, or a colleague called it recently.
    RESERVED = "reserved_by_colleague"
    CALLED_BY_COLLEAGUE = "called_by_colleague"


@dataclass(frozen=True)
class QueueSpec:
    """What the user asked for in the start dialog."""

    source: QueueSource = QueueSource.DUE
    tag: str | None = None
    ids: tuple[int, ...] = ()
    size: int | None = DEFAULT_SIZE  # None: a time box, bounded by TIME_BOX_QUEUE_LIMIT

    @property
    def explicit(self) -> bool:
        """Whether the user chose the prospects themselves (closed stages allowed)."""
        return self.source in (QueueSource.FILTER, QueueSource.SELECTION)

    @property
    def label(self) -> str:
        """The source as stored on the session ("due", "tag:bakery", "selection")."""
        return f"tag:{self.tag}" if self.source == QueueSource.TAG else self.source.value

    @classmethod
    def parse_source(cls, text: str, size: int | None = DEFAULT_SIZE) -> QueueSpec:
        """A spec from "due", "new", "all" or "tag:NAME" (the CLI's --source)."""
        if text.startswith("tag:") and text[4:].strip():
            return cls(QueueSource.TAG, tag=text[4:].strip(), size=size)
        if text in (QueueSource.DUE, QueueSource.NEW, QueueSource.ALL):
            return cls(QueueSource(text), size=size)
        raise ValueError(f"unknown queue source {text!r} (due, new, all or tag:NAME)")


@dataclass(frozen=True)
class QueueEntry:
    """One prospect to call, with the number to dial first."""

    prospect_id: int
    name: str
    reason: QueueReason
    next_action_at: datetime | None
    next_action_text: str
    priority: int
    last_contact_at: datetime | None
    contact_id: int | None
    contact_name: str
    phone_id: int | None
    phone: str  # as displayed
    phone_e164: str | None


@dataclass(frozen=True)
class LeftOut:
    """A prospect that would have been queued, why it was not, and when it may be."""

    prospect_id: int
    name: str
    reason: str  # a LeftOutReason value, or an extra rule's own code
    detail: str = ""  # plain words for the user (English; the UI translates codes)
    callable_again_at: datetime | None = None  # None: once the reason is fixed
    by_user_id: int | None = None  # the colleague, for the team reasons


@dataclass
class CallQueue:
    """The ordered queue and what was left out on the way."""

    entries: list[QueueEntry] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def prospect_ids(self) -> list[int]:
        return [entry.prospect_id for entry in self.entries]

    @property
    def without_phone(self) -> list[LeftOut]:
        """Prospects left out for lack of a number: the user can add one."""
        return [item for item in self.left_out if item.reason == LeftOutReason.NO_PHONE]

    def drop(self, held: dict[int, Hold], reason: LeftOutReason) -> None:
        """Take the prospects of `held` out of the queue, saying why (team mode)."""
        if not held:
            return
        for entry in [e for e in self.entries if e.prospect_id in held]:
            self.entries.remove(entry)
            self.left_out.append(_team_left_out(entry.prospect_id, entry.name, held, reason))


def _team_left_out(
    prospect_id: int, name: str, held: dict[int, Hold], reason: LeftOutReason
) -> LeftOut:
    hold = held[prospect_id]
    detail = (
        "reserved by a colleague's call session"
        if reason == LeftOutReason.RESERVED
        else "called by a colleague within the retry window"
    )
    return LeftOut(prospect_id, name, reason, detail, hold.until, hold.user_id)


#: An extra eligibility rule: given the session, a candidate (contacts and phones
#: loaded) and the current time, None lets it through; a LeftOut keeps it out.
EligibilityRule = Callable[[Session, Prospect, datetime], LeftOut | None]

#: Rules applied when `build_queue` is given none (the calling-rules module adds to it).
EXTRA_RULES: list[EligibilityRule] = []


def default_rules() -> list[EligibilityRule]:
    """The French calling rules (and B2B window), then any rule added to EXTRA_RULES."""
    # Imported here: call_eligibility imports this module for LeftOut.
    from prospection.core.call_eligibility import calling_rule

    return [calling_rule, *EXTRA_RULES]


def _candidates(spec: QueueSpec, day_start: datetime, day_end: datetime) -> Select[Prospect]:
    query = select(Prospect)
    if spec.explicit:
        query = query.where(Prospect.id.in_(spec.ids))
    else:
        if spec.source == QueueSource.DUE:
            # "+stage": the same test, but not one SQLite may look rows up by, so that
            # it walks the due prospects in time order (the index on next_action_at)
            # instead of reading every open prospect and sorting them (0.5 s at 1M).
            stage = unindexed(Prospect.stage)  # "+prospect.stage" on SQLite
            query = query.where(stage.in_([s.value for s in OPEN_STAGES]))
        else:
            query = query.where(Prospect.stage.in_(OPEN_STAGES))
        # Someone with a follow-up set for a later day waits for that day.
        query = query.where(
            (Prospect.next_action_at.is_(None)) | (Prospect.next_action_at < day_end)
        )
    if spec.source == QueueSource.DUE:
        query = query.where(Prospect.next_action_at < day_end)
    elif spec.source == QueueSource.NEW:
        query = query.where(
            Prospect.last_contact_at.is_(None),
            Prospect.call_attempts == 0,
            Prospect.stage == Stage.NEW,
        )
    elif spec.source == QueueSource.TAG:
        query = query.where(Prospect.tags.any(Tag.name == spec.tag))
    then = (
        Prospect.priority.desc(),
        Prospect.last_contact_at.asc().nulls_first(),
        Prospect.created_at,
        Prospect.id,
    )
    if spec.source == QueueSource.DUE:
        # Every candidate is due before the day's end: overdue, then due today, each by
        # its time, is simply the time order, which the index on next_action_at gives
        # (sorting every due prospect by the expressions below took 0.5 s at a million).
        return query.order_by(Prospect.next_action_at, *then)
    due_group = case(
        (Prospect.next_action_at < day_start, 0),
        (Prospect.next_action_at < day_end, 1),
        else_=2,
    )
    due_time = case((Prospect.next_action_at < day_end, Prospect.next_action_at), else_=None)
    return query.order_by(due_group, due_time, *then)


def reason_for(
    next_action_at: datetime | None,
    last_contact_at: datetime | None,
    now: datetime,
    *,
    tz: tzinfo | None = None,
) -> QueueReason:
    """Why a prospect with these dates is worth calling now ("why now")."""
    day_start, day_end = local_day_bounds(now, tz=tz)
    if next_action_at is not None and next_action_at < day_start:
        return QueueReason.OVERDUE
    if next_action_at is not None and next_action_at < day_end:
        return QueueReason.DUE_TODAY
    if next_action_at is not None:
        return QueueReason.SCHEDULED_LATER
    if last_contact_at is None:
        return QueueReason.NEVER_CONTACTED
    return QueueReason.NOT_CONTACTED_RECENTLY


def _standard_exclusion(prospect: Prospect) -> LeftOut | None:
    if dialable_phones(prospect):
        return None
    objected = any(
        contact.dnc_phone and any(not p.is_wrong for p in contact.phones)
        for contact in prospect.contacts
    )
    if objected:
        return LeftOut(
            prospect.id, prospect.name, LeftOutReason.DO_NOT_CALL, "asked not to be called"
        )
    return LeftOut(prospect.id, prospect.name, LeftOutReason.NO_PHONE, "no number to dial")


def _entry(prospect: Prospect, reason: QueueReason) -> QueueEntry:
    contact, phone = dialable_phones(prospect)[0]
    return QueueEntry(
        prospect_id=prospect.id,
        name=prospect.name,
        reason=reason,
        next_action_at=prospect.next_action_at,
        next_action_text=prospect.next_action_text,
        priority=prospect.priority,
        last_contact_at=prospect.last_contact_at,
        contact_id=contact.id,
        contact_name=contact.full_name,
        phone_id=phone.id,
        phone=display_phone(phone.raw, phone.e164),
        phone_e164=phone.e164,
    )


def build_queue(
    session: Session,
    spec: QueueSpec,
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    rules: Sequence[EligibilityRule] | None = None,
) -> CallQueue:
    """The queue for `spec`: ordered entries, and the candidates left out on the way.

    Candidates are read in order and in chunks until the queue is full, so a large file
    is never loaded whole; `left_out` therefore lists those met before the queue filled
    (exactly the ones that would otherwise have been called).
    """
    now = now or utcnow()
    day_start, day_end = local_day_bounds(now, tz=tz)
    limit = spec.size if spec.size is not None else TIME_BOX_QUEUE_LIMIT
    active_rules = default_rules() if rules is None else list(rules)
    queue = CallQueue()
    if limit <= 0 or (spec.explicit and not spec.ids):
        return queue
    query = _candidates(spec, day_start, day_end)
    # Team mode: colleagues' reservations and recent calls keep prospects out (one
    # query each per chunk); a single user's queue is built exactly as before.
    me = users.current_user_id(session) if users.is_team(session) else None
    offset = 0
    while len(queue.entries) < limit:
        chunk = session.scalars(
            query.options(selectinload(Prospect.contacts).selectinload(Contact.phones))
            .limit(_CHUNK)
            .offset(offset)
        ).all()
        if not chunk:
            break
        offset += len(chunk)
        leased: dict[int, Hold] = {}
        called: dict[int, Hold] = {}
        if me is not None:
            ids = [prospect.id for prospect in chunk]
            leased = leased_by_others(session, ids, me, now)
            called = colleague_calls(session, ids, me, now, tz=tz)
        for prospect in chunk:
            if prospect.id in leased or prospect.id in called:
                team_reason, held = (
                    (LeftOutReason.RESERVED, leased)
                    if prospect.id in leased
                    else (LeftOutReason.CALLED_BY_COLLEAGUE, called)
                )
                queue.left_out.append(_team_left_out(prospect.id, prospect.name, held, team_reason))
                continue
            left_out = _standard_exclusion(prospect)
            if left_out is None:
                for rule in active_rules:
                    left_out = rule(session, prospect, now)
                    if left_out is not None:
                        break
            if left_out is not None:
                queue.left_out.append(left_out)
                continue
            reason = reason_for(prospect.next_action_at, prospect.last_contact_at, now, tz=tz)
            queue.entries.append(_entry(prospect, reason))
            if len(queue.entries) >= limit:
                break
    return queue
