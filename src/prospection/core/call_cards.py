"""What the call session shows about one prospect, read in one go (no lazy loading)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from prospection.core.call_eligibility import prospect_with_phones
from prospection.core.call_queue import QueueReason, reason_for
from prospection.core.calls import RecordNotFoundError
from prospection.core.enums import ActivityKind, ContactRole, Outcome, PhoneKind, Stage
from prospection.core.models import Activity, utcnow
from prospection.core.phones import DEFAULT_REGION, display_phone

#: How many past activities the call card shows.
RECENT_ACTIVITIES = 3


@dataclass(frozen=True)
class CardPhone:
    """One number of a contact, ready to show and to dial."""

    id: int
    display: str
    e164: str | None
    kind: PhoneKind
    is_wrong: bool

    @property
    def tel_uri(self) -> str:
        """A `tel:` link for the operating system's dialler (RFC 3966 global number)."""
        if self.e164:
            return f"tel:{self.e164}"
        return "tel:" + re.sub(r"[^\d+]", "", self.display)


@dataclass(frozen=True)
class CardContact:
    """A person to ask for."""

    id: int
    name: str
    title: str
    role: ContactRole
    do_not_call: bool
    phones: tuple[CardPhone, ...]


@dataclass(frozen=True)
class CardActivity:
    """A past activity, in one line."""

    kind: ActivityKind
    outcome: Outcome | None
    occurred_at: datetime
    notes: str
    stage_to: str | None


@dataclass(frozen=True)
class CallCard:
    """Who the prospect is, why we call, who to ask for, what happened before."""

    prospect_id: int
    name: str
    industry: str
    size: str
    city: str
    stage: Stage
    priority: int
    pains: str
    pitch: str
    next_action_at: datetime | None
    next_action_text: str
    last_contact_at: datetime | None
    call_attempts: int
    is_consumer: bool
    reason: QueueReason
    contacts: tuple[CardContact, ...]
    recent: tuple[CardActivity, ...]

    def dialable(self) -> list[tuple[CardContact, CardPhone]]:
        """Numbers one may dial, in order (no do-not-call contact, no wrong number)."""
        return [
            (contact, phone)
            for contact in self.contacts
            if not contact.do_not_call
            for phone in contact.phones
            if not phone.is_wrong
        ]


def load_call_card(
    session: Session,
    prospect_id: int,
    *,
    now: datetime | None = None,
    home_region: str = DEFAULT_REGION,
) -> CallCard:
    """The call card of `prospect_id`."""
    prospect = prospect_with_phones(session, prospect_id)
    if prospect is None:
        raise RecordNotFoundError(f"no prospect with id {prospect_id}")
    recent = session.scalars(
        select(Activity)
        .where(Activity.prospect_id == prospect_id, Activity.kind != ActivityKind.STAGE_CHANGE)
        .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        .limit(RECENT_ACTIVITIES)
    ).all()
    return CallCard(
        prospect_id=prospect.id,
        name=prospect.name,
        industry=prospect.industry,
        size=prospect.size,
        city=prospect.city,
        stage=prospect.stage,
        priority=prospect.priority,
        pains=prospect.pains,
        pitch=prospect.pitch,
        next_action_at=prospect.next_action_at,
        next_action_text=prospect.next_action_text,
        last_contact_at=prospect.last_contact_at,
        call_attempts=prospect.call_attempts,
        is_consumer=prospect.is_consumer,
        reason=reason_for(prospect.next_action_at, prospect.last_contact_at, now or utcnow()),
        contacts=tuple(
            CardContact(
                id=contact.id,
                name=contact.full_name,
                title=contact.title,
                role=contact.role,
                do_not_call=contact.dnc_phone,
                phones=tuple(
                    CardPhone(
                        id=phone.id,
                        display=display_phone(phone.raw, phone.e164, home_region),
                        e164=phone.e164,
                        kind=phone.kind,
                        is_wrong=phone.is_wrong,
                    )
                    for phone in contact.phones
                ),
            )
            for contact in prospect.contacts
        ),
        recent=tuple(
            CardActivity(
                kind=activity.kind,
                outcome=activity.outcome,
                occurred_at=activity.occurred_at,
                notes=activity.notes,
                stage_to=activity.stage_to,
            )
            for activity in recent
        ),
    )
