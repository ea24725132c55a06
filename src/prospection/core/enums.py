"""The fixed vocabularies of the domain: stages, call outcomes, activity kinds, roles."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where a prospect stands. A prospect becomes a client with its first purchase."""

    NEW = "new"
    ATTEMPTED = "attempted"
    REACHED = "reached"
    MEETING = "meeting"
    PROPOSAL = "proposal"
    CLIENT = "client"
    LOST = "lost"
    NOT_A_FIT = "not_a_fit"
    UNREACHABLE = "unreachable"


#: Stages still worth working on, in funnel order.
OPEN_STAGES: tuple[Stage, ...] = (
    Stage.NEW,
    Stage.ATTEMPTED,
    Stage.REACHED,
    Stage.MEETING,
    Stage.PROPOSAL,
)
#: Stages that end the prospecting of an organisation.
CLOSED_STAGES: tuple[Stage, ...] = (Stage.CLIENT, Stage.LOST, Stage.NOT_A_FIT, Stage.UNREACHABLE)


class Outcome(StrEnum):
    """What a call came to, one key each in the call session (1-8)."""

    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    GATEKEEPER = "gatekeeper"
    WRONG_NUMBER = "wrong_number"
    NOT_INTERESTED = "not_interested"
    CALL_BACK = "call_back"
    CONVERSATION = "conversation"
    MEETING_BOOKED = "meeting_booked"


#: Outcomes where a live person answered (used by goals, the planner and insights).
#: A gatekeeper counts: the published connect rates the planner falls back on (Belkins
#: 2025, 9.9% of dials) count any live answer. A wrong number does not: nobody of the
#: prospect's was reached.
REACHED_OUTCOMES: frozenset[Outcome] = frozenset(
    {
        Outcome.GATEKEEPER,
        Outcome.NOT_INTERESTED,
        Outcome.CALL_BACK,
        Outcome.CONVERSATION,
        Outcome.MEETING_BOOKED,
    }
)
#: Outcomes that count as a real conversation with the prospect (a subset of reached).
#: "Not interested" counts: the person heard why we called and answered, and benchmark
#: conversation-to-meeting rates include such refusals. "Call back later" does not: the
#: person was reached but the conversation has yet to happen.
CONVERSATION_OUTCOMES: frozenset[Outcome] = frozenset(
    {Outcome.CONVERSATION, Outcome.MEETING_BOOKED, Outcome.NOT_INTERESTED}
)


class ActivityKind(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    NOTE = "note"
    STAGE_CHANGE = "stage_change"


class ContactRole(StrEnum):
    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    GATEKEEPER = "gatekeeper"
    USER = "user"
    OTHER = "other"


class PhoneKind(StrEnum):
    WORK = "work"
    MOBILE = "mobile"
    SWITCHBOARD = "switchboard"
    HOME = "home"
    OTHER = "other"


class Channel(StrEnum):
    """Channels a person can object to being contacted on."""

    PHONE = "phone"
    EMAIL = "email"


class SessionStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"
