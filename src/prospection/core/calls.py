"""Logging a call: the activity, the prospect's stage, attempts and next action, at once.

The call-session dialog and `prospection-cli log-call` both go through `log_call`, so a
call recorded either way follows the same rules (the table in `call_outcomes`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from prospection.core import limits
from prospection.core.call_outcomes import (
    CallSettings,
    FollowUp,
    attempts_after,
    load_call_settings,
    rule_for,
    stage_after,
)
from prospection.core.calling_rules import Reason, next_allowed_slot, rule_breaches
from prospection.core.enums import OPEN_STAGES, ActivityKind, Channel, Outcome, Stage
from prospection.core.insights import best_hours
from prospection.core.models import Activity, CallSession, Contact, Phone, Prospect, utcnow
from prospection.core.privacy import PersonNotFoundError, mark_do_not_contact
from prospection.core.prospect_editing import EditConflict
from prospection.core.users import current_user_id
from prospection.core.working_days import (
    follow_up_after,
    local_at,
    next_working_day_at,
    within_working_hours,
)

if TYPE_CHECKING:
    from prospection.core.call_eligibility import CallCheck

#: How long a booked meeting lasts when no end is given.
DEFAULT_MEETING_MINUTES = 60

#: Next-action texts used when the caller gives none (the UI passes translated ones).
DEFAULT_NEXT_TEXTS: dict[Outcome, str] = {
    Outcome.NO_ANSWER: "Call again (no answer)",
    Outcome.VOICEMAIL: "Call again (voicemail left)",
    Outcome.GATEKEEPER: "Call again (reached the switchboard)",
    Outcome.CALL_BACK: "Call back as agreed",
    Outcome.CONVERSATION: "Follow up on the conversation",
    Outcome.MEETING_BOOKED: "Meeting",
    Outcome.WRONG_NUMBER: "Find a new number",
}


#: A next action: its date (None: none planned) and its text.
NextAction = tuple[datetime | None, str]

NEXT_FIELDS = ("next_action_at", "next_action_text")

#: A `next_base` for a caller that only knows the prospect moved since it read it (the
#: CLI's `--if-version`): a stored plan other than this call's is kept and reported.
MOVED_BASE: NextAction = (None, "\x00moved")


class CallError(ValueError):
    """A call that cannot be recorded as given (unknown prospect, missing date ...)."""


class RecordNotFoundError(CallError):
    """The prospect, contact or call session named does not exist."""


@dataclass(frozen=True)
class CallResult:
    """What logging one call changed."""

    activity_id: int
    prospect_id: int
    outcome: Outcome
    occurred_at: datetime
    stage_before: Stage
    stage_after: Stage
    call_attempts: int
    next_action_at: datetime | None
    next_action_text: str
    follow_up_created: bool
    became_unreachable: bool
    offers_dnc: bool
    flagged_phone_id: int | None
    meeting_activity_id: int | None
    contact_id: int | None
    #: The calling rules this call broke (it is recorded all the same: it happened).
    warnings: tuple[Reason, ...] = ()
    #: Whether the French consumer rules applied to it.
    consumer_rules: bool = False
    #: The next action someone changed meanwhile to something else than this outcome
    #: planned (`next_base`): theirs was kept; mine is offered (`plan_next_action`).
    next_action_conflicts: tuple[EditConflict, ...] = ()


def _check(
    session: Session, prospect: Prospect, now: datetime, contact: Contact | None
) -> CallCheck:
    # Imported here: call_eligibility -> call_queue -> calls would otherwise be a cycle.
    from prospection.core.call_eligibility import call_check

    return call_check(session, prospect, now, contact)


def _schedule(
    moment: datetime, check: CallCheck, settings: CallSettings, tz: tzinfo | None
) -> datetime:
    """`moment` moved into the user's working hours and the rules' windows and limits.

    When the two cannot meet (working hours that never overlap the legal windows), the
    legal slot wins: the law is not a preference.
    """
    start, end = settings.working_hours
    for _ in range(20):
        inside_hours = within_working_hours(moment, start, end, tz=tz)
        legal = next_allowed_slot(inside_hours, check.rules, check.history)
        if legal == moment:
            return moment
        moment = legal
    return moment


def default_follow_up(
    session: Session,
    prospect_id: int,
    now: datetime,
    working_days: int | None = None,
    *,
    tz: tzinfo | None = None,
) -> datetime:
    """The follow-up date to propose after a call at `now`: in working hours and legal.

    `working_days` later (default: the retry cadence), at the same time of day moved into
    the user's working hours and, for a consumer, into the legal windows after the call
    just made (counted as one more call).
    """
    settings = load_call_settings(session)
    after = _check_after_call(session, prospect_id, now)
    count = settings.retry_working_days if working_days is None else working_days
    proposed = follow_up_after(now, count, settings.working_hours, tz=tz)
    best = _at_best_hour(session, now, proposed, after, settings, tz)
    return best or _schedule(proposed, after, settings, tz)


def default_call_back(
    session: Session, prospect_id: int, now: datetime, *, tz: tzinfo | None = None
) -> datetime:
    """The call-back time to propose after a call at `now`: the next working day at the
    user's best hour (see `default_follow_up`), else at 10:00 as before."""
    proposed = next_working_day_at(now, tz=tz)
    after = _check_after_call(session, prospect_id, now)
    best = _at_best_hour(session, now, proposed, after, load_call_settings(session), tz)
    return best or proposed


def _check_after_call(session: Session, prospect_id: int, now: datetime) -> CallCheck:
    # The rules and history once the call just made (at `now`) is counted.
    check = _check(session, _load_prospect(session, prospect_id), now, None)
    return replace(check, history=replace(check.history, calls=[*check.history.calls, now]))


def _at_best_hour(
    session: Session,
    now: datetime,
    proposed: datetime,
    check: CallCheck,
    settings: CallSettings,
    tz: tzinfo | None,
) -> datetime | None:
    """`proposed`'s day at the user's best hour to reach people, when the insights know
    one (`insights.best_hours`) inside the working hours and, for a consumer, the legal
    windows; None otherwise (the next best hour is tried when the best one is not)."""
    start, end = settings.working_hours
    day = proposed.astimezone(tz).date()
    for hour in best_hours(session, now, tz):
        at = max(time(hour), start)
        if at >= end or at.hour != hour:
            continue  # that hour is outside the working hours
        candidate = local_at(day, at, tz)
        if candidate > now and _schedule(candidate, check, settings, tz) == candidate:
            return candidate
    return None


def _load_prospect(session: Session, prospect_id: int, *, lock: bool = False) -> Prospect:
    query = (
        select(Prospect)
        .where(Prospect.id == prospect_id)
        .options(selectinload(Prospect.contacts).selectinload(Contact.phones))
    )
    if lock:
        session.flush()
        query = query.with_for_update(of=Prospect).execution_options(populate_existing=True)
    prospect = session.scalars(query).one_or_none()
    if prospect is None:
        raise RecordNotFoundError(f"no prospect with id {prospect_id}")
    return prospect


def dialable_phones(prospect: Prospect) -> list[tuple[Contact, Phone]]:
    """The numbers one may dial for `prospect`, best first.

    Contacts marked do-not-call and numbers flagged wrong are left out. Contacts come in
    their stored order (primary first); decision makers' numbers are not reordered,
    because the primary contact is the user's own choice.
    """
    return [
        (contact, phone)
        for contact in prospect.contacts
        if not contact.dnc_phone
        for phone in contact.phones
        if not phone.is_wrong and (phone.e164 or phone.raw.strip())
    ]


def _resolve_phone(
    prospect: Prospect, contact_id: int | None, phone_id: int | None
) -> tuple[Contact | None, Phone | None]:
    if phone_id is not None:
        for contact in prospect.contacts:
            for phone in contact.phones:
                if phone.id == phone_id:
                    if contact_id is not None and contact.id != contact_id:
                        raise CallError(f"phone {phone_id} is not contact {contact_id}'s")
                    return contact, phone
        raise CallError(f"phone {phone_id} does not belong to prospect {prospect.id}")
    if contact_id is not None:
        for contact in prospect.contacts:
            if contact.id == contact_id:
                usable = [p for p in contact.phones if not p.is_wrong]
                return contact, (usable[0] if usable else None)
        raise CallError(f"contact {contact_id} does not belong to prospect {prospect.id}")
    # No number given (the CLI): the one the queue would have dialled.
    dialable = dialable_phones(prospect)
    if dialable:
        return dialable[0]
    return None, None


def log_call(
    session: Session,
    prospect_id: int,
    outcome: Outcome,
    *,
    at: datetime | None = None,
    notes: str = "",
    contact_id: int | None = None,
    phone_id: int | None = None,
    duration_seconds: int | None = None,
    next_at: datetime | None = None,
    next_text: str | None = None,
    meeting_ends_at: datetime | None = None,
    meeting_location: str = "",
    call_session_id: int | None = None,
    settings: CallSettings | None = None,
    tz: tzinfo | None = None,
    next_base: NextAction | None = None,
) -> CallResult:
    """Record a call on `prospect_id` and apply its outcome's rule (see `call_outcomes`).

    Writes the call activity, a stage-change activity when the stage moves, a meeting
    activity for a booked meeting, and updates the prospect's last contact, unanswered
    attempts and next action. `next_at` is the follow-up: required for a call back and
    a meeting (the meeting's start), optional for a conversation, and an override of the
    automatic retry date otherwise. Nothing is committed here: the caller's transaction
    (`Database.session()`) commits the whole call at once.

    A call that broke a calling rule (a do-not-call number; for a consumer, the hours,
    the 4 calls in 30 days, the 60 days after a refusal) is recorded, since it took
    place, and listed in `warnings`. The automatic retry is moved into the user's working
    hours and the rules' windows (`tz`: the user's time zone, default the machine's).

    `next_base`: the next action (date, text) as the caller showed it before the call
    (the call session's card). When someone changed it meanwhile (a colleague's edit
    during the call) to something else than this outcome plans, the call is recorded
    all the same, but their next action stays: `next_action_conflicts` says what each
    side wanted, for the user to choose (`plan_next_action`). Without it, the outcome
    writes the next action (the CLI: read and written in one transaction).
    """
    rule = rule_for(outcome)
    for name, value in (("at", at), ("next", next_at), ("meeting end", meeting_ends_at)):
        if value is not None and value.tzinfo is None:
            raise CallError(f"the {name} time must carry a time zone")
        if value is not None and not limits.date_in_range(value):
            raise CallError(f"the {name} time is out of range: {limits.date_range_text()}")
    for name, text in (("notes", notes), ("location", meeting_location), ("next", next_text)):
        if text and limits.too_long(name, text):
            raise CallError(f"the {name} text is {limits.too_long_text(name)}")
    if rule.follow_up == FollowUp.REQUIRED and next_at is None:
        what = "the meeting's start" if outcome == Outcome.MEETING_BOOKED else "a call-back time"
        raise CallError(f"{outcome.value} needs {what} (--next)")
    if duration_seconds is not None and duration_seconds < 0:
        raise CallError("a call cannot last less than nothing")
    settings = settings or load_call_settings(session)
    occurred_at = at or utcnow()
    # Locked (PostgreSQL) before the call goes in: the next action is compared with
    # `next_base` and written in one step, and two calls logged at once take turns.
    prospect = _load_prospect(session, prospect_id, lock=True)
    contact, phone = _resolve_phone(prospect, contact_id, phone_id)
    check = _check(session, prospect, occurred_at, contact)
    warnings = tuple(rule_breaches(occurred_at, check.rules, check.history))
    caller = current_user_id(session)

    call = Activity(
        user_id=caller,
        prospect_id=prospect.id,
        contact_id=contact.id if contact else None,
        phone_id=phone.id if phone else None,
        call_session_id=call_session_id,
        kind=ActivityKind.CALL,
        outcome=outcome,
        occurred_at=occurred_at,
        duration_seconds=duration_seconds,
        notes=notes.strip(),
    )
    session.add(call)

    flagged = None
    if rule.flags_phone_wrong and phone is not None:
        phone.is_wrong = True
        flagged = phone.id

    stage_before = prospect.stage
    attempts = attempts_after(prospect.call_attempts, outcome)
    new_stage = stage_after(stage_before, outcome)
    became_unreachable = (
        rule.can_become_unreachable
        and attempts >= settings.max_attempts
        and new_stage in OPEN_STAGES
    )
    if became_unreachable:
        new_stage = Stage.UNREACHABLE

    follow_up_created = False
    # What the outcome plans as the next action (written at the end, against the base).
    plan_at, plan_text = prospect.next_action_at, prospect.next_action_text
    if rule.follow_up == FollowUp.RETRY:
        if became_unreachable:
            plan_at, plan_text = None, ""
        else:
            after = replace(
                check, history=replace(check.history, calls=[*check.history.calls, occurred_at])
            )
            plan_at = next_at or _schedule(
                follow_up_after(
                    occurred_at, settings.retry_working_days, settings.working_hours, tz=tz
                ),
                after,
                settings,
                tz,
            )
            plan_text = next_text or DEFAULT_NEXT_TEXTS[outcome]
            follow_up_created = True
    elif rule.follow_up in (FollowUp.REQUIRED, FollowUp.OPTIONAL):
        if next_at is not None:
            plan_at = next_at
            text = next_text or DEFAULT_NEXT_TEXTS[outcome]
            if outcome == Outcome.MEETING_BOOKED and meeting_location and not next_text:
                text = f"{text}: {meeting_location}"
            plan_text = text
            follow_up_created = True
        else:
            plan_at, plan_text = None, ""
    elif rule.follow_up == FollowUp.CLEAR:
        plan_at, plan_text = None, ""
    if flagged is not None and not dialable_phones(prospect):
        # Nothing left to dial: the prospect leaves Today/Overdue (no date to miss) and
        # says what to do instead.
        plan_at = None
        plan_text = next_text or DEFAULT_NEXT_TEXTS[outcome]

    conflicts = _plan_next_action(prospect, (plan_at, plan_text), next_base)

    prospect.call_attempts = attempts
    if prospect.last_contact_at is None or occurred_at > prospect.last_contact_at:
        prospect.last_contact_at = occurred_at
        # Who called last (the table's column in team mode), copied like the date.
        prospect.last_caller_id = caller

    if new_stage != stage_before:
        prospect.stage = new_stage
        session.add(
            Activity(
                prospect_id=prospect.id,
                call_session_id=call_session_id,
                kind=ActivityKind.STAGE_CHANGE,
                occurred_at=occurred_at,
                stage_from=stage_before.value,
                stage_to=new_stage.value,
            )
        )

    meeting = None
    if outcome == Outcome.MEETING_BOOKED and next_at is not None:
        ends_at = meeting_ends_at or next_at + timedelta(minutes=DEFAULT_MEETING_MINUTES)
        if ends_at <= next_at:
            raise CallError("a meeting must end after it starts")
        meeting = Activity(
            prospect_id=prospect.id,
            contact_id=contact.id if contact else None,
            call_session_id=call_session_id,
            kind=ActivityKind.MEETING,
            occurred_at=next_at,
            ends_at=ends_at,
            location=meeting_location.strip(),
            notes=notes.strip(),
        )
        session.add(meeting)

    if call_session_id is not None:
        call_session = session.get(CallSession, call_session_id)
        if call_session is None:
            raise RecordNotFoundError(f"no call session with id {call_session_id}")
        # A follow-up of the session is a plan written: when a colleague's plan stayed
        # (a conflict), it counts only once the user keeps this call's (plan_next_action).
        if follow_up_created and not conflicts:
            call_session.follow_ups += 1

    session.flush()
    return CallResult(
        activity_id=call.id,
        prospect_id=prospect.id,
        outcome=outcome,
        occurred_at=occurred_at,
        stage_before=stage_before,
        stage_after=new_stage,
        call_attempts=attempts,
        next_action_at=prospect.next_action_at,
        next_action_text=prospect.next_action_text,
        follow_up_created=follow_up_created,
        became_unreachable=became_unreachable,
        offers_dnc=rule.offers_dnc,
        flagged_phone_id=flagged,
        meeting_activity_id=meeting.id if meeting else None,
        contact_id=contact.id if contact else None,
        warnings=warnings,
        consumer_rules=check.consumer_rules,
        next_action_conflicts=conflicts,
    )


def _same_next(first: NextAction, second: NextAction) -> bool:
    (at1, text1), (at2, text2) = first, second
    if (at1 is None) != (at2 is None):
        return False
    if at1 is not None and at2 is not None and at1.astimezone(UTC) != at2.astimezone(UTC):
        return False
    return text1.strip() == text2.strip()


def _plan_next_action(
    prospect: Prospect, mine: NextAction, base: NextAction | None
) -> tuple[EditConflict, ...]:
    """Write the next action `mine` unless someone changed it since `base` (see log_call).

    The date and the text go together (one plan): a colleague's date with my text
    would be nobody's plan. Mine is written when the stored plan is still `base`;
    when the stored plan is already mine, or mine is `base` (this call planned nothing
    new), theirs stays without a question; otherwise both are returned as conflicts
    (one per field, as the editor's), and nothing of the plan is written.
    """
    theirs: NextAction = (prospect.next_action_at, prospect.next_action_text)
    if base is None or _same_next(theirs, base):
        prospect.next_action_at, prospect.next_action_text = mine
        return ()
    if _same_next(theirs, mine) or _same_next(mine, base):
        return ()
    return tuple(
        EditConflict(name, started, wanted, stored)
        for name, started, wanted, stored in zip(NEXT_FIELDS, base, mine, theirs, strict=True)
    )


def plan_next_action(
    session: Session,
    prospect_id: int,
    mine: NextAction,
    base: NextAction,
    *,
    call_session_id: int | None = None,
) -> tuple[EditConflict, ...]:
    """After a call: write the next action the user chose to keep over a colleague's.

    `base` is the colleague's plan the user saw (the conflicts' `theirs`): if it moved
    again meanwhile, nothing is written and the new conflicts are returned, to ask again.
    `call_session_id`: the session the call was made in; a dated plan written now is one
    of its follow-ups (`log_call` did not count it while the colleague's stood).
    """
    session.flush()
    prospect = session.get(Prospect, prospect_id, with_for_update=True, populate_existing=True)
    if prospect is None:
        raise RecordNotFoundError(f"no prospect with id {prospect_id}")
    conflicts = _plan_next_action(prospect, mine, base)
    if not conflicts and call_session_id is not None and mine[0] is not None:
        call_session = session.get(CallSession, call_session_id)
        if call_session is None:
            raise RecordNotFoundError(f"no call session with id {call_session_id}")
        call_session.follow_ups += 1
    session.flush()
    return conflicts


def mark_do_not_call(
    session: Session, contact_id: int, reason: str = "", at: datetime | None = None
) -> None:
    """Record that a contact objected to phone calls: never queued again.

    Goes through the privacy module, so the objection is also kept as a salted hash in
    the suppression list (it outlives an erasure of the contact).
    """
    try:
        mark_do_not_contact(session, contact_id, [Channel.PHONE], reason, now=at or utcnow())
    except PersonNotFoundError as error:
        raise RecordNotFoundError(str(error)) from error
