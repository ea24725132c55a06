"""Which prospects may be called now: calling rules applied to the data of each prospect.

Consumer prospects with a French number follow the French consumer rules; others follow
the user's B2B calling window (none by default). A prospect whose every phone contact
objected is never callable. The call queue asks this module before queuing anyone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from prospection.core.call_queue import LeftOut
from prospection.core.calling_rules import (
    B2B_WINDOW_SETTING,
    FRENCH_CONSUMER_RULES,
    UNRESTRICTED,
    CallHistory,
    CallingRules,
    Decision,
    Reason,
    b2b_rules_from_setting,
    check_call,
    french_region,
    rule_breaches,
)
from prospection.core.enums import ActivityKind, Outcome, Stage
from prospection.core.models import Activity, Contact, Prospect, utcnow
from prospection.core.settings import get_setting


@dataclass(frozen=True)
class Eligibility:
    """A prospect's decision, and which rules gave it."""

    prospect_id: int
    decision: Decision
    consumer_rules: bool  # the French consumer rules applied

    @property
    def allowed(self) -> bool:
        return self.decision.allowed


def _rules_for(prospect: Prospect, b2b: CallingRules) -> tuple[CallingRules, bool]:
    if prospect.is_consumer:
        for contact in prospect.contacts:
            for phone in contact.phones:
                region = french_region(phone.e164)
                if region is not None:
                    return FRENCH_CONSUMER_RULES.for_region(region, prospect.postal_code), True
    return b2b, False


def _history(prospect: Prospect, calls: list[datetime], refusal: datetime | None) -> CallHistory:
    callable_contacts = [c for c in prospect.contacts if not c.dnc_phone]
    consents = [c.consent_at for c in callable_contacts if c.consent_at is not None]
    return CallHistory(
        calls=calls,
        last_refusal_at=refusal,
        consent_at=max(consents) if consents else None,
        # Every person there objected (a prospect with no contact yet is still callable:
        # its switchboard is not a person).
        do_not_call=bool(prospect.contacts) and not callable_contacts,
        under_contract=prospect.stage == Stage.CLIENT or prospect.client_since is not None,
    )


def _recent_calls(
    session: Session, prospect_ids: list[int], now: datetime
) -> tuple[dict[int, list[datetime]], dict[int, datetime]]:
    """Calls within the counting period, and the last refusal within the pause, per prospect."""
    period_start = now - timedelta(days=FRENCH_CONSUMER_RULES.period_days)
    pause_start = now - timedelta(days=FRENCH_CONSUMER_RULES.refusal_pause_days or 0)
    calls: dict[int, list[datetime]] = defaultdict(list)
    refusals: dict[int, datetime] = {}
    rows = session.execute(
        select(Activity.prospect_id, Activity.occurred_at, Activity.outcome).where(
            Activity.prospect_id.in_(prospect_ids),
            Activity.kind == ActivityKind.CALL,
            Activity.occurred_at >= min(period_start, pause_start),
        )
    ).all()
    for prospect_id, occurred_at, outcome in rows:
        if occurred_at >= period_start:
            calls[prospect_id].append(occurred_at)
        if outcome == Outcome.NOT_INTERESTED and (
            prospect_id not in refusals or occurred_at > refusals[prospect_id]
        ):
            refusals[prospect_id] = occurred_at
    return calls, refusals


def calling_rule(session: Session, prospect: Prospect, now: datetime) -> LeftOut | None:
    """The call queue's eligibility rule: None lets `prospect` through, else why and when.

    `prospect` comes with its contacts and phones loaded (the queue loads them).
    """
    b2b = b2b_rules_from_setting(get_setting(session, B2B_WINDOW_SETTING, None))
    rules, consumer = _rules_for(prospect, b2b)
    if not consumer and rules is UNRESTRICTED:
        return None  # businesses: no query at all unless a calling window is set
    calls, refusals = _recent_calls(session, [prospect.id], now)
    history = _history(prospect, calls[prospect.id], refusals.get(prospect.id))
    decision = check_call(now, rules, history)
    if decision.allowed:
        return None
    return LeftOut(
        prospect.id, prospect.name, decision.reason.value, decision.text, decision.next_allowed_at
    )


def call_eligibility(
    session: Session, prospect_ids: Iterable[int], now: datetime | None = None
) -> dict[int, Eligibility]:
    """Decide, for each prospect, whether it may be called at `now` (default: now)."""
    moment = now or utcnow()
    ids = sorted(set(prospect_ids))
    b2b = b2b_rules_from_setting(get_setting(session, B2B_WINDOW_SETTING, None))
    result: dict[int, Eligibility] = {}
    for start in range(0, len(ids), 500):  # SQLite caps bound parameters
        chunk = ids[start : start + 500]
        prospects = session.scalars(
            select(Prospect)
            .where(Prospect.id.in_(chunk))
            .options(selectinload(Prospect.contacts).selectinload(Contact.phones))
        ).all()
        calls, refusals = _recent_calls(session, chunk, moment)
        for prospect in prospects:
            rules, consumer = _rules_for(prospect, b2b)
            history = _history(prospect, calls[prospect.id], refusals.get(prospect.id))
            result[prospect.id] = Eligibility(
                prospect.id, check_call(moment, rules, history), consumer
            )
    return result


def ineligible(
    session: Session, prospect_ids: Iterable[int], now: datetime | None = None
) -> dict[int, Decision]:
    """The prospects among `prospect_ids` that may not be called now, with why and when."""
    return {
        pid: e.decision
        for pid, e in call_eligibility(session, prospect_ids, now).items()
        if not e.allowed
    }


@dataclass(frozen=True)
class CallCheck:
    """The rules one prospect is called under, and its history before a given moment."""

    rules: CallingRules
    consumer_rules: bool
    history: CallHistory


def call_check(
    session: Session, prospect: Prospect, now: datetime, contact: Contact | None = None
) -> CallCheck:
    """The rules and call history of `prospect` at `now` (contacts and phones loaded).

    When `contact` is the person called, their own objection counts even if other
    contacts of the prospect may still be called. Run it before adding a new call to the
    session, so that the call itself is not counted.
    """
    b2b = b2b_rules_from_setting(get_setting(session, B2B_WINDOW_SETTING, None))
    rules, consumer = _rules_for(prospect, b2b)
    calls, refusals = _recent_calls(session, [prospect.id], now)
    refusal = refusals.get(prospect.id)
    history = _history(
        prospect,
        [c for c in calls[prospect.id] if c <= now],
        refusal if refusal is not None and refusal <= now else None,
    )
    if contact is not None and contact.dnc_phone:
        history = replace(history, do_not_call=True)
    return CallCheck(rules, consumer, history)


def call_warnings(
    session: Session, prospect_id: int, at: datetime, contact_id: int | None = None
) -> list[Reason]:
    """The calling rules a call to `prospect_id` at `at` breaks (before it is recorded).

    For logging a call by hand: the call happened, so it is recorded, but the user is
    told. `contact_id` is the person called, if known (their own objection counts).
    """
    prospect = prospect_with_phones(session, prospect_id)
    if prospect is None:
        return []
    contact = next((c for c in prospect.contacts if c.id == contact_id), None)
    check = call_check(session, prospect, at, contact)
    return rule_breaches(at, check.rules, check.history)


def prospect_with_phones(session: Session, prospect_id: int) -> Prospect | None:
    """The prospect with its contacts and their phones loaded (what a call looks at)."""
    return session.scalars(
        select(Prospect)
        .where(Prospect.id == prospect_id)
        .options(selectinload(Prospect.contacts).selectinload(Contact.phones))
    ).one_or_none()
