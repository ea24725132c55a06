"""The fields an imported column can feed, and the column names Prospection exports."""

from __future__ import annotations

from enum import StrEnum

from prospection.core.enums import PhoneKind


class Field(StrEnum):
    """Where the values of one source column go."""

    COMPANY = "company"
    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    TITLE = "title"
    ROLE = "role"
    EMAIL = "email"
    PHONE = "phone"  # kind guessed from the number (mobile or work)
    PHONE_WORK = "phone_work"
    PHONE_MOBILE = "phone_mobile"
    PHONE_SWITCHBOARD = "phone_switchboard"
    PHONE_HOME = "phone_home"
    PHONE_OTHER = "phone_other"
    LINKEDIN = "linkedin"
    WEBSITE = "website"
    ADDRESS = "address"
    POSTAL_CODE = "postal_code"
    CITY = "city"
    COUNTRY = "country"
    INDUSTRY = "industry"
    SIZE = "size"
    STAGE = "stage"
    PAINS = "pains"
    PITCH = "pitch"
    NOTES = "notes"
    TAGS = "tags"  # several, separated by ";" (Outlook's categories) or " ::: "
    CONSUMER = "consumer"  # the prospect is a consumer (yes/no, particulier/professionnel)
    OWNER = "owner"  # team mode: the user owning the prospect, by name or email
    SKIP = "skip"  # deliberately left out (a label column, a duplicate formatted address)


#: A source column mapped to None is kept with the contact as an extra field.
Mapping = list[Field | None]

PHONE_FIELDS: dict[Field, PhoneKind | None] = {
    Field.PHONE: None,
    Field.PHONE_WORK: PhoneKind.WORK,
    Field.PHONE_MOBILE: PhoneKind.MOBILE,
    Field.PHONE_SWITCHBOARD: PhoneKind.SWITCHBOARD,
    Field.PHONE_HOME: PhoneKind.HOME,
    Field.PHONE_OTHER: PhoneKind.OTHER,
}

#: Fields of the prospect (the organisation) rather than of the person.
PROSPECT_FIELDS: tuple[Field, ...] = (
    Field.WEBSITE,
    Field.INDUSTRY,
    Field.SIZE,
    Field.ADDRESS,
    Field.POSTAL_CODE,
    Field.CITY,
    Field.COUNTRY,
    Field.STAGE,
    Field.PAINS,
    Field.PITCH,
    Field.NOTES,
    Field.TAGS,
    Field.CONSUMER,
    Field.OWNER,
)

#: The columns of Prospection's own exports (CSV, XLSX), in order; vCards read into the
#: same names, so that every export comes back through the same mapping.
EXPORT_COLUMNS: tuple[tuple[Field, str], ...] = (
    (Field.COMPANY, "Company"),
    (Field.WEBSITE, "Website"),
    (Field.INDUSTRY, "Industry"),
    (Field.SIZE, "Size"),
    (Field.ADDRESS, "Address"),
    (Field.POSTAL_CODE, "Postal code"),
    (Field.CITY, "City"),
    (Field.COUNTRY, "Country"),
    (Field.STAGE, "Stage"),
    (Field.PAINS, "Pains"),
    (Field.PITCH, "Pitch"),
    (Field.NOTES, "Notes"),
    (Field.TAGS, "Tags"),
    (Field.CONSUMER, "Consumer"),
    (Field.FIRST_NAME, "First name"),
    (Field.LAST_NAME, "Last name"),
    (Field.TITLE, "Job title"),
    (Field.ROLE, "Role"),
    (Field.EMAIL, "Email"),
    (Field.PHONE_WORK, "Work phone"),
    (Field.PHONE_MOBILE, "Mobile phone"),
    (Field.PHONE_SWITCHBOARD, "Switchboard"),
    (Field.PHONE_HOME, "Home phone"),
    (Field.PHONE_OTHER, "Other phone"),
    (Field.LINKEDIN, "LinkedIn"),
)
EXPORT_HEADER: dict[Field, str] = dict(EXPORT_COLUMNS)

#: Team mode (several users): the prospect's owner and who called it last, after the
#: columns above in exports. The owner comes back by import (a user's name or email);
#: "Last called by" is a fact of the calls, which an import does not bring: skipped.
OWNER_HEADER = "Owner"
LAST_CALLER_HEADER = "Last called by"
TEAM_COLUMNS: tuple[tuple[Field, str], ...] = (
    (Field.OWNER, OWNER_HEADER),
    (Field.SKIP, LAST_CALLER_HEADER),
)

#: Several values in one cell (Google Contacts' convention, which our exports follow).
MULTI_SEPARATOR = " ::: "

#: Between the tags of one cell in our exports (Outlook separates its categories alike).
TAG_SEPARATOR = "; "
