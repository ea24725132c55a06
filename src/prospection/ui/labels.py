"""Translated labels for the domain's enum values (stages, outcomes, kinds, roles, channels).

Every screen shows enum values through these functions, so that a stage is called the
same everywhere, in English and in French. The strings are literal so that lupdate finds
them; each call translates with the language installed at that moment.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from prospection.core.enums import (
    ActivityKind,
    Channel,
    ContactRole,
    Outcome,
    PhoneKind,
    SessionStatus,
    Stage,
)


def stage_labels() -> dict[Stage, str]:
    """Every stage with its label, in funnel order."""
    return {
        Stage.NEW: QCoreApplication.translate("Labels", "New"),
        Stage.ATTEMPTED: QCoreApplication.translate("Labels", "Attempted"),
        Stage.REACHED: QCoreApplication.translate("Labels", "Reached"),
        Stage.MEETING: QCoreApplication.translate("Labels", "Meeting"),
        Stage.PROPOSAL: QCoreApplication.translate("Labels", "Proposal"),
        Stage.CLIENT: QCoreApplication.translate("Labels", "Client"),
        Stage.LOST: QCoreApplication.translate("Labels", "Lost"),
        Stage.NOT_A_FIT: QCoreApplication.translate("Labels", "Not a fit"),
        Stage.UNREACHABLE: QCoreApplication.translate("Labels", "Unreachable"),
    }


def stage_label(stage: Stage | str) -> str:
    """The label of one stage."""
    return stage_labels()[Stage(stage)]


def outcome_labels() -> dict[Outcome, str]:
    """Every call outcome with its label, in call-session key order (1-8)."""
    return {
        Outcome.NO_ANSWER: QCoreApplication.translate("Labels", "No answer"),
        Outcome.VOICEMAIL: QCoreApplication.translate("Labels", "Voicemail left"),
        Outcome.GATEKEEPER: QCoreApplication.translate("Labels", "Gatekeeper"),
        Outcome.WRONG_NUMBER: QCoreApplication.translate("Labels", "Wrong number"),
        Outcome.NOT_INTERESTED: QCoreApplication.translate("Labels", "Not interested"),
        Outcome.CALL_BACK: QCoreApplication.translate("Labels", "Call back later"),
        Outcome.CONVERSATION: QCoreApplication.translate("Labels", "Conversation"),
        Outcome.MEETING_BOOKED: QCoreApplication.translate("Labels", "Meeting booked"),
    }


def outcome_label(outcome: Outcome | str) -> str:
    """The label of one call outcome."""
    return outcome_labels()[Outcome(outcome)]


def activity_kind_labels() -> dict[ActivityKind, str]:
    """Every activity kind with its label."""
    return {
        ActivityKind.CALL: QCoreApplication.translate("Labels", "Call"),
        ActivityKind.EMAIL: QCoreApplication.translate("Labels", "Email"),
        ActivityKind.MEETING: QCoreApplication.translate("Labels", "Meeting", "activity kind"),
        ActivityKind.NOTE: QCoreApplication.translate("Labels", "Note"),
        ActivityKind.STAGE_CHANGE: QCoreApplication.translate("Labels", "Stage change"),
    }


def activity_kind_label(kind: ActivityKind | str) -> str:
    """The label of one activity kind."""
    return activity_kind_labels()[ActivityKind(kind)]


def role_labels() -> dict[ContactRole, str]:
    """Every contact role with its label."""
    return {
        ContactRole.DECISION_MAKER: QCoreApplication.translate("Labels", "Decision maker"),
        ContactRole.INFLUENCER: QCoreApplication.translate("Labels", "Influencer"),
        ContactRole.GATEKEEPER: QCoreApplication.translate("Labels", "Gatekeeper", "contact role"),
        ContactRole.USER: QCoreApplication.translate("Labels", "User"),
        ContactRole.OTHER: QCoreApplication.translate("Labels", "Other"),
    }


def role_label(role: ContactRole | str) -> str:
    """The label of one contact role."""
    return role_labels()[ContactRole(role)]


def phone_kind_labels() -> dict[PhoneKind, str]:
    """Every phone kind with its label."""
    return {
        PhoneKind.WORK: QCoreApplication.translate("Labels", "Work"),
        PhoneKind.MOBILE: QCoreApplication.translate("Labels", "Mobile"),
        PhoneKind.SWITCHBOARD: QCoreApplication.translate("Labels", "Switchboard"),
        PhoneKind.HOME: QCoreApplication.translate("Labels", "Home"),
        PhoneKind.OTHER: QCoreApplication.translate("Labels", "Other", "phone kind"),
    }


def phone_kind_label(kind: PhoneKind | str) -> str:
    """The label of one phone kind."""
    return phone_kind_labels()[PhoneKind(kind)]


def channel_labels() -> dict[Channel, str]:
    """Every contact channel with its label."""
    return {
        Channel.PHONE: QCoreApplication.translate("Labels", "Phone"),
        Channel.EMAIL: QCoreApplication.translate("Labels", "Email", "channel"),
    }


def channel_label(channel: Channel | str) -> str:
    """The label of one channel."""
    return channel_labels()[Channel(channel)]


def session_status_labels() -> dict[SessionStatus, str]:
    """Every call-session status with its label."""
    return {
        SessionStatus.ACTIVE: QCoreApplication.translate("Labels", "In progress"),
        SessionStatus.PAUSED: QCoreApplication.translate("Labels", "Paused"),
        SessionStatus.ENDED: QCoreApplication.translate("Labels", "Ended"),
    }


def priority_label(priority: int) -> str:
    """Stars for a priority from 0 (none) to 3 (highest)."""
    level = max(0, min(3, priority))
    return "★" * level + "☆" * (3 - level)
