"""The queue rule: sources, order, exclusions, and the hook for extra eligibility rules."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from prospection.core import call_queue
from prospection.core.call_queue import (
    LeftOut,
    LeftOutReason,
    QueueReason,
    QueueSource,
    QueueSpec,
    build_queue,
)
from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.models import Prospect
from prospection.core.working_days import local_day_bounds
from tests.call_factories import NOW, add_prospect

DAY_START, DAY_END = local_day_bounds(NOW)


def _ids(db: Database, spec: QueueSpec, **kwargs: object) -> list[int]:
    with db.session() as session:
        return build_queue(session, spec, now=NOW, **kwargs).prospect_ids  # type: ignore[arg-type]


def test_order_overdue_then_today_then_priority_then_untouched_longest(db: Database) -> None:
    untouched_recent = add_prospect(db, "Touched yesterday", last_contact_at=NOW - timedelta(1))
    never = add_prospect(db, "Never called")
    untouched_old = add_prospect(db, "Touched long ago", last_contact_at=NOW - timedelta(90))
    high = add_prospect(db, "High priority", priority=3, last_contact_at=NOW - timedelta(1))
    today_late = add_prospect(db, "Today late", next_action_at=DAY_END - timedelta(minutes=5))
    today_early = add_prospect(db, "Today early", next_action_at=DAY_START + timedelta(hours=1))
    overdue_recent = add_prospect(db, "Overdue 1 day", next_action_at=DAY_START - timedelta(1))
    overdue_old = add_prospect(db, "Overdue 9 days", next_action_at=DAY_START - timedelta(9))
    add_prospect(db, "Next week", next_action_at=DAY_END + timedelta(days=6))
    with db.session() as session:
        queue = build_queue(session, QueueSpec(QueueSource.ALL, size=None), now=NOW)
    assert queue.prospect_ids == [
        overdue_old,
        overdue_recent,
        today_early,
        today_late,
        high,
        never,
        untouched_old,
        untouched_recent,
    ]
    reasons = [e.reason for e in queue.entries]
    assert reasons[:4] == [QueueReason.OVERDUE] * 2 + [QueueReason.DUE_TODAY] * 2
    assert reasons[5] == QueueReason.NEVER_CONTACTED
    assert reasons[6] == QueueReason.NOT_CONTACTED_RECENTLY
    assert queue.entries[0].contact_name == "Élodie Marchand"
    assert queue.entries[0].phone == "04 65 71 20 10"


def test_sources_due_new_and_tag(db: Database) -> None:
    due = add_prospect(db, "Due", next_action_at=NOW - timedelta(hours=2), tags=("bakery",))
    new = add_prospect(db, "New", tags=("bakery",))
    contacted = add_prospect(db, "Contacted", last_contact_at=NOW - timedelta(20))
    add_prospect(db, "Attempted", stage=Stage.ATTEMPTED, call_attempts=1)
    assert _ids(db, QueueSpec(QueueSource.DUE)) == [due]
    new_ids = _ids(db, QueueSpec(QueueSource.NEW))
    assert new in new_ids and due in new_ids and contacted not in new_ids
    assert _ids(db, QueueSpec(QueueSource.TAG, tag="bakery")) == [due, new]
    assert _ids(db, QueueSpec(QueueSource.TAG, tag="none")) == []


def test_closed_stages_only_when_chosen_explicitly(db: Database) -> None:
    client = add_prospect(db, "Client", stage=Stage.CLIENT)
    lost = add_prospect(db, "Lost", stage=Stage.LOST)
    unreachable = add_prospect(db, "Gone", stage=Stage.UNREACHABLE)
    open_one = add_prospect(db, "Open")
    later = add_prospect(db, "Later", next_action_at=NOW + timedelta(days=10))
    assert _ids(db, QueueSpec(QueueSource.ALL)) == [open_one]
    chosen = _ids(db, QueueSpec(QueueSource.SELECTION, ids=(client, lost, later, unreachable)))
    assert sorted(chosen) == sorted([client, lost, later, unreachable])
    assert _ids(db, QueueSpec(QueueSource.FILTER, ids=(lost,))) == [lost]
    assert _ids(db, QueueSpec(QueueSource.SELECTION, ids=())) == []


def test_do_not_call_and_missing_numbers_are_left_out_with_a_reason(db: Database) -> None:
    objected = add_prospect(db, "Objected", dnc=True)
    no_phone = add_prospect(db, "No phone", phones=())
    fine = add_prospect(db, "Fine")
    with db.session() as session:
        queue = build_queue(session, QueueSpec(QueueSource.ALL), now=NOW)
    assert queue.prospect_ids == [fine]
    reasons = {item.prospect_id: item.reason for item in queue.left_out}
    assert reasons == {objected: LeftOutReason.DO_NOT_CALL, no_phone: LeftOutReason.NO_PHONE}
    assert [i.prospect_id for i in queue.without_phone] == [no_phone]


def test_size_caps_the_queue_and_reads_past_left_out_candidates(db: Database) -> None:
    for number in range(5):
        add_prospect(db, f"No phone {number}", phones=(), priority=3)
    wanted = [add_prospect(db, f"Callable {n}", priority=2) for n in range(4)]
    with db.session() as session:
        queue = build_queue(session, QueueSpec(QueueSource.ALL, size=3), now=NOW)
    assert queue.prospect_ids == wanted[:3]
    assert len(queue.without_phone) == 5
    assert _ids(db, QueueSpec(QueueSource.ALL, size=0)) == []


def test_extra_rules_leave_prospects_out_with_when_they_may_be_called(db: Database) -> None:
    consumer = add_prospect(db, "Consumer", is_consumer=True)
    business = add_prospect(db, "Business")
    again = NOW + timedelta(days=30)

    def consumers_wait(session: Session, prospect: Prospect, now: datetime) -> LeftOut | None:
        assert isinstance(session, Session) and now == NOW
        if prospect.is_consumer:
            return LeftOut(prospect.id, prospect.name, "too_many_calls", "4 calls", again)
        return None

    with db.session() as session:
        queue = build_queue(session, QueueSpec(QueueSource.ALL), now=NOW, rules=[consumers_wait])
    assert queue.prospect_ids == [business]
    assert [(i.prospect_id, i.reason, i.callable_again_at) for i in queue.left_out] == [
        (consumer, "too_many_calls", again)
    ]


def test_registered_rules_apply_by_default(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_prospect(db, "Anyone")
    monkeypatch.setattr(
        call_queue,
        "EXTRA_RULES",
        [lambda s, p, n: LeftOut(p.id, p.name, "outside_hours", "", None)],
    )
    assert _ids(db, QueueSpec(QueueSource.ALL)) == []
    assert _ids(db, QueueSpec(QueueSource.ALL), rules=[]) == [pid]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("due", QueueSpec(QueueSource.DUE)),
        ("new", QueueSpec(QueueSource.NEW)),
        ("all", QueueSpec(QueueSource.ALL)),
        ("tag:bakery", QueueSpec(QueueSource.TAG, tag="bakery")),
    ],
)
def test_sources_parse_from_text(text: str, expected: QueueSpec) -> None:
    assert QueueSpec.parse_source(text) == expected
    assert expected.label == text


@pytest.mark.parametrize("text", ["", "tag:", "overdue", "selection"])
def test_unknown_sources_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        QueueSpec.parse_source(text)


def test_the_due_queue_is_the_due_part_of_the_whole_queue_in_the_same_order(
    db: Database,
) -> None:
    # The due queue orders by time alone (to walk the index on next_action_at): the same
    # order as the general one (overdue, then today, each by time, then priority ...).
    import random

    rng = random.Random(7)
    for index in range(40):
        when = DAY_START + timedelta(hours=rng.choice([-200, -30, -1, 2, 9, 9, 30, 100]))
        stage = rng.choice([Stage.NEW, Stage.ATTEMPTED, Stage.MEETING, Stage.CLIENT, Stage.LOST])
        add_prospect(
            db,
            f"Prospect {index}",
            next_action_at=when if index % 5 else None,
            priority=rng.randrange(4),
            stage=stage,
            last_contact_at=NOW - timedelta(days=rng.randrange(30)) if index % 3 else None,
        )
    whole = _ids(db, QueueSpec(QueueSource.ALL, size=None))
    with db.session() as session:
        due_ids = set(session.scalars(select(Prospect.id).where(Prospect.next_action_at < DAY_END)))
    due = _ids(db, QueueSpec(QueueSource.DUE, size=None))
    assert len(due) > 10
    assert due == [i for i in whole if i in due_ids]
