"""The French consumer rules and the B2B window applied to the call queue."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from prospection.core.call_eligibility import call_eligibility
from prospection.core.call_queue import QueueSource, QueueSpec, build_queue
from prospection.core.calling_rules import B2B_WINDOW_SETTING, Reason, b2b_setting
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome, Stage
from prospection.core.models import Activity, Contact
from prospection.core.settings import set_setting
from tests.call_factories import NOW, add_prospect

SATURDAY = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def consent(db: Database, prospect_id: int) -> None:
    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.prospect_id == prospect_id)).one()
        contact.consent_at = NOW - timedelta(days=30)
        contact.consent_wording = "Oui, vous pouvez m'appeler"


def queue(db: Database, now: datetime = NOW) -> tuple[list[int], dict[int, tuple[str, object]]]:
    with db.session() as session:
        built = build_queue(session, QueueSpec(QueueSource.ALL, size=None), now=now)
    left = {item.prospect_id: (item.reason, item.callable_again_at) for item in built.left_out}
    return built.prospect_ids, left


def test_consumers_without_consent_are_left_out_with_why(db: Database) -> None:
    business = add_prospect(db, "Garage Morel")
    consumer = add_prospect(db, "M. Petit", is_consumer=True, phones=("+33612345678",))
    abroad = add_prospect(db, "Mme Janssens", is_consumer=True, phones=("+3224001234",))
    ids, left = queue(db)
    assert set(ids) == {business, abroad}  # the rules protect consumers on French numbers
    assert left == {consumer: (Reason.NO_CONSENT.value, None)}
    consent(db, consumer)
    ids, left = queue(db)
    assert consumer in ids and not left


def test_weekends_and_call_counts_say_when(db: Database) -> None:
    consumer = add_prospect(db, "M. Petit", is_consumer=True, phones=("+33612345678",))
    consent(db, consumer)
    ids, left = queue(db, SATURDAY)
    assert consumer not in ids
    reason, when = left[consumer]
    assert reason == Reason.WEEKEND.value
    assert when == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # Monday 10:00 in Paris
    with db.session() as session:
        for days in (1, 2, 3, 4):
            session.add(
                Activity(
                    prospect_id=consumer,
                    kind=ActivityKind.CALL,
                    outcome=Outcome.NO_ANSWER,
                    occurred_at=NOW - timedelta(days=days),
                )
            )
    _, left = queue(db)
    assert left[consumer][0] == Reason.TOO_MANY_CALLS.value


def test_refusal_pauses_sixty_days(db: Database) -> None:
    consumer = add_prospect(db, "M. Petit", is_consumer=True, phones=("+33612345678",))
    consent(db, consumer)
    refused = NOW - timedelta(days=10)
    with db.session() as session:
        session.add(
            Activity(
                prospect_id=consumer,
                kind=ActivityKind.CALL,
                outcome=Outcome.NOT_INTERESTED,
                occurred_at=refused,
            )
        )
    with db.session() as session:
        decision = call_eligibility(session, [consumer], NOW)[consumer].decision
    assert decision.reason is Reason.REFUSED_RECENTLY
    assert decision.next_allowed_at == refused + timedelta(days=60)


def test_clients_need_no_consent(db: Database) -> None:
    client = add_prospect(
        db, "Mme Roux", is_consumer=True, phones=("+33612345678",), stage=Stage.CLIENT
    )
    with db.session() as session:
        assert call_eligibility(session, [client], NOW)[client].allowed


def test_b2b_window_when_set(db: Database) -> None:
    business = add_prospect(db, "Garage Morel")
    assert business in queue(db, SATURDAY)[0]
    with db.session() as session:
        set_setting(session, B2B_WINDOW_SETTING, b2b_setting(range(5), time(9), time(18)))
    ids, left = queue(db, SATURDAY)
    assert ids == [] and left[business][0] == Reason.WEEKEND.value
