"""Email addresses: syntax checked with email-validator, never any network look-up."""

from __future__ import annotations

from dataclasses import dataclass

# email-validator (with idna) is imported when an address is first checked, not at
# start-up: the editor needs it only to save.


@dataclass(frozen=True)
class CheckedEmail:
    """An email as normalised by email-validator, or the reason it is not valid."""

    normalized: str
    error: str | None = None

    @property
    def valid(self) -> bool:
        return self.error is None


def check_email(text: str) -> CheckedEmail:
    """Check the syntax of `text` (offline: deliverability is never checked)."""
    candidate = text.strip()
    if not candidate:
        return CheckedEmail(normalized="")
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError as error:
        return CheckedEmail(normalized=candidate, error=str(error))
    return CheckedEmail(normalized=result.normalized)


def email_key(text: str) -> str:
    """The form two emails are compared in (duplicates): trimmed, lower case."""
    return text.strip().casefold()
