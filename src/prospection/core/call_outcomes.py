"""The one table of what each call outcome does: stage, attempts, follow-up, DNC, phone.

Read this table to know what pressing a key in the call session changes:

| key | outcome        | stage     | unanswered | next action            | also               |
|-----|----------------|-----------|------------|------------------------|--------------------|
| 1   | no_answer      | attempted | +1         | automatic retry        | unreachable at max |
| 2   | voicemail      | attempted | +1         | automatic retry        | unreachable at max |
| 3   | gatekeeper     | attempted | reset to 0 | automatic retry        |                    |
| 4   | wrong_number   | attempted | unchanged  | unchanged              | flags the phone    |
| 5   | not_interested | lost      | reset to 0 | cleared                | offers do-not-call |
| 6   | call_back      | reached   | reset to 0 | asked (required)       |                    |
| 7   | conversation   | reached   | reset to 0 | asked (optional)       |                    |
| 8   | meeting_booked | meeting   | reset to 0 | the meeting (required) | meeting activity   |

Stages only move forward through the funnel (a prospect at "proposal" who answers a
call stays at "proposal"); a client is never moved by a call; a lost, unreachable or
"not a fit" prospect whom the user chose to call again and who talks (call back,
conversation, meeting) comes back into the funnel. The automatic retry is set
`retry_working_days` working days later (default 2); after `max_attempts` unanswered
calls in a row (default 6) an open prospect becomes "unreachable" and leaves the retry
cycle. Both numbers are settings stored with the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from sqlalchemy.orm import Session

from prospection.core.enums import OPEN_STAGES, Outcome, Stage
from prospection.core.settings import get_setting, set_setting
from prospection.core.working_days import DEFAULT_WORKING_HOURS


class FollowUp(StrEnum):
    """What an outcome does to the prospect's next action."""

    RETRY = "retry"  # set automatically, retry_working_days later
    REQUIRED = "required"  # the user gives a date (call back, meeting)
    OPTIONAL = "optional"  # the user may give a next step; none clears it
    CLEAR = "clear"  # nothing left to do
    KEEP = "keep"  # leave the next action as it was


class Attempts(StrEnum):
    """What an outcome does to the count of unanswered calls in a row."""

    INCREMENT = "increment"
    RESET = "reset"
    KEEP = "keep"


@dataclass(frozen=True)
class OutcomeRule:
    """What one outcome does; see the module's table."""

    outcome: Outcome
    key: int  # the key that records it in the call session
    stage: Stage
    attempts: Attempts
    follow_up: FollowUp
    reached: bool  # somebody answered
    offers_dnc: bool = False
    flags_phone_wrong: bool = False
    can_become_unreachable: bool = False


OUTCOME_RULES: dict[Outcome, OutcomeRule] = {
    rule.outcome: rule
    for rule in (
        OutcomeRule(
            Outcome.NO_ANSWER,
            1,
            Stage.ATTEMPTED,
            Attempts.INCREMENT,
            FollowUp.RETRY,
            reached=False,
            can_become_unreachable=True,
        ),
        OutcomeRule(
            Outcome.VOICEMAIL,
            2,
            Stage.ATTEMPTED,
            Attempts.INCREMENT,
            FollowUp.RETRY,
            reached=False,
            can_become_unreachable=True,
        ),
        # Somebody answered, so the prospect is not unreachable; but not the person we
        # wanted, so try again (gatekeepers usually say when).
        OutcomeRule(
            Outcome.GATEKEEPER, 3, Stage.ATTEMPTED, Attempts.RESET, FollowUp.RETRY, reached=True
        ),
        OutcomeRule(
            Outcome.WRONG_NUMBER,
            4,
            Stage.ATTEMPTED,
            Attempts.KEEP,
            FollowUp.KEEP,
            reached=False,
            flags_phone_wrong=True,
        ),
        OutcomeRule(
            Outcome.NOT_INTERESTED,
            5,
            Stage.LOST,
            Attempts.RESET,
            FollowUp.CLEAR,
            reached=True,
            offers_dnc=True,
        ),
        OutcomeRule(
            Outcome.CALL_BACK, 6, Stage.REACHED, Attempts.RESET, FollowUp.REQUIRED, reached=True
        ),
        OutcomeRule(
            Outcome.CONVERSATION,
            7,
            Stage.REACHED,
            Attempts.RESET,
            FollowUp.OPTIONAL,
            reached=True,
        ),
        OutcomeRule(
            Outcome.MEETING_BOOKED,
            8,
            Stage.MEETING,
            Attempts.RESET,
            FollowUp.REQUIRED,
            reached=True,
        ),
    )
}

#: Outcomes by key (1-8), for the call session's keyboard.
OUTCOME_BY_KEY: dict[int, Outcome] = {rule.key: rule.outcome for rule in OUTCOME_RULES.values()}

#: Closed stages a call that reaches the person brings back into the funnel.
_REVIVABLE = (Stage.LOST, Stage.UNREACHABLE, Stage.NOT_A_FIT)


def rule_for(outcome: Outcome) -> OutcomeRule:
    """The rule of `outcome`."""
    return OUTCOME_RULES[outcome]


def _funnel_rank(stage: Stage) -> int:
    return OPEN_STAGES.index(stage)


def stage_after(current: Stage, outcome: Outcome) -> Stage:
    """The stage a prospect at `current` moves to after a call with `outcome`."""
    target = OUTCOME_RULES[outcome].stage
    if current == Stage.CLIENT:
        return current
    if target == Stage.LOST:
        return target if current in OPEN_STAGES or current == Stage.UNREACHABLE else current
    if current in OPEN_STAGES:
        return target if _funnel_rank(target) > _funnel_rank(current) else current
    if current in _REVIVABLE and OUTCOME_RULES[outcome].follow_up in (
        FollowUp.REQUIRED,
        FollowUp.OPTIONAL,
    ):
        return target
    return current


def attempts_after(current: int, outcome: Outcome) -> int:
    """The count of unanswered calls in a row after a call with `outcome`."""
    rule = OUTCOME_RULES[outcome].attempts
    if rule == Attempts.INCREMENT:
        return current + 1
    if rule == Attempts.RESET:
        return 0
    return current


# --- settings -------------------------------------------------------------------------

RETRY_DAYS_KEY = "calls.retry_working_days"
MAX_ATTEMPTS_KEY = "calls.max_attempts"
#: The user's working hours, {"start": "HH:MM", "end": "HH:MM"}: follow-ups land in them.
WORKING_HOURS_KEY = "calls.working_hours"
DEFAULT_RETRY_WORKING_DAYS = 2
DEFAULT_MAX_ATTEMPTS = 6


@dataclass(frozen=True)
class CallSettings:
    """The retry cadence: working days before a retry, unanswered calls before giving up."""

    retry_working_days: int = DEFAULT_RETRY_WORKING_DAYS
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    work_start: time = DEFAULT_WORKING_HOURS[0]
    work_end: time = DEFAULT_WORKING_HOURS[1]

    @property
    def working_hours(self) -> tuple[time, time]:
        """(start, end) of the user's working day, local time."""
        return self.work_start, self.work_end


def _working_hours(value: object) -> tuple[time, time]:
    # A damaged or hand-edited value falls back to the default rather than failing a call.
    if isinstance(value, dict):
        try:
            start = time.fromisoformat(str(value.get("start")))
            end = time.fromisoformat(str(value.get("end")))
        except ValueError:
            return DEFAULT_WORKING_HOURS
        if start < end:
            return start, end
    return DEFAULT_WORKING_HOURS


def load_call_settings(session: Session) -> CallSettings:
    """The stored retry cadence and working hours (defaults when never set)."""
    start, end = _working_hours(get_setting(session, WORKING_HOURS_KEY, None))
    return CallSettings(
        retry_working_days=int(get_setting(session, RETRY_DAYS_KEY, DEFAULT_RETRY_WORKING_DAYS)),
        max_attempts=int(get_setting(session, MAX_ATTEMPTS_KEY, DEFAULT_MAX_ATTEMPTS)),
        work_start=start,
        work_end=end,
    )


def save_call_settings(session: Session, settings: CallSettings) -> None:
    """Store the retry cadence (both numbers at least 1) and the working hours."""
    if settings.retry_working_days < 1 or settings.max_attempts < 1:
        raise ValueError("retry delay and maximum attempts must be at least 1")
    if settings.work_end <= settings.work_start:
        raise ValueError("working hours must end after they start")
    set_setting(session, RETRY_DAYS_KEY, settings.retry_working_days)
    set_setting(session, MAX_ATTEMPTS_KEY, settings.max_attempts)
    set_setting(
        session,
        WORKING_HOURS_KEY,
        {
            "start": settings.work_start.strftime("%H:%M"),
            "end": settings.work_end.strftime("%H:%M"),
        },
    )
