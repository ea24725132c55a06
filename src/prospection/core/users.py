"""The people using the data: one local user on a desktop file, several in a team.

A file opened by one person has one user row (migration 0009 creates it: the local
user), and everything works as before: rows written without a user are theirs (the
columns' server default). In team mode each app says who it works for with `use_user`;
the sessions of that `Database` then stamp new activities, call sessions and weekly
goals with that user, and `current_user_id` answers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, event, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from prospection.core.emails import check_email, email_key
from prospection.core.models import LOCAL_USER_ID, Activity, AppUser, CallSession, WeeklyGoal

if TYPE_CHECKING:
    from prospection.core.db import Database

#: Where a Database's sessions carry the id of the user they work for.
INFO_KEY = "prospection.user_id"

_TABLE = cast(Table, AppUser.__table__)

#: The longest user name (the column's length).
NAME_MAX = 120

#: Rows stamped with the current user when written.
_PER_USER = (Activity, CallSession, WeeklyGoal)


class UserError(ValueError):
    """A user that cannot be added or found as given (a code the UI translates)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class User:
    """A detached user row."""

    id: int
    name: str
    email: str

    @property
    def label(self) -> str:
        """Name, else email, else "" (the local user before naming themselves)."""
        return self.name or self.email


def _user(row: AppUser) -> User:
    return User(row.id, row.name, row.email)


def list_users(session: Session) -> list[User]:
    """Every user, in the order they were added."""
    # Core, not ORM: the table reads this before its first paint, which must not wait
    # for the mappers' configuration (tests/test_startup_imports.py).
    rows = session.execute(select(_TABLE.c.id, _TABLE.c.name, _TABLE.c.email).order_by(_TABLE.c.id))
    return [User(int(user_id), name, email) for user_id, name, email in rows]


def user_count(session: Session) -> int:
    """How many users there are (1 for a single person's file)."""
    return int(session.scalar(select(func.count()).select_from(_TABLE)) or 0)


#: `session.info` key: whether the data has several users, and in which transaction.
_TEAM_KEY = "prospection.users.is_team"


def is_team(session: Session) -> bool:
    """Whether more than one person uses the data (team columns and filters matter).

    Read once per transaction (`add_user` forgets it): one panel's queries ask it many
    times (the weekly stats 63 times), and on a server each question is a round trip.
    """
    cached = session.info.get(_TEAM_KEY)
    transaction = session.get_transaction()
    if cached is not None and transaction is not None and cached[0] is transaction:
        return bool(cached[1])
    team = user_count(session) > 1
    session.info[_TEAM_KEY] = (session.get_transaction(), team)
    return team


def user_labels(session: Session) -> dict[int, str]:
    """Each user's label by id (the table's owner and last-caller columns)."""
    return {user.id: user.label for user in list_users(session)}


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise UserError("name_required")
    if len(name) > NAME_MAX:
        raise UserError("name_too_long", str(NAME_MAX))
    return name


def add_user(session: Session, name: str, email: str = "") -> User:
    """Add a user; names are required and unique, emails checked and unique (case aside).

    UserError("name_taken") when someone already has that name, also when they were
    added by someone else at the same instant (migration 0013's unique index refuses
    the second row; the insert runs in a savepoint, so the session stays usable).
    """
    name = _checked_name(name)
    checked = check_email(email)
    if not checked.valid:
        raise UserError("email_invalid", checked.error or "")
    if find_user_by_name(session, name) is not None:
        raise UserError("name_taken", name)
    if checked.normalized and find_user(session, checked.normalized) is not None:
        raise UserError("email_taken", checked.normalized)
    row = AppUser(name=name, email=checked.normalized)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError as error:
        raise UserError("name_taken", name) from error
    session.info.pop(_TEAM_KEY, None)
    return _user(row)


def rename_user(session: Session, user_id: int, name: str, email: str | None = None) -> User:
    """Change a user's name (and email): the local user naming themselves for a team."""
    row = session.get(AppUser, user_id)
    if row is None:
        raise UserError("unknown_user", str(user_id))
    name = _checked_name(name)
    same = find_user_by_name(session, name)
    if same is not None and same.id != user_id:
        raise UserError("name_taken", name)
    normalized = row.email
    if email is not None:
        checked = check_email(email)
        if not checked.valid:
            raise UserError("email_invalid", checked.error or "")
        other = find_user(session, checked.normalized) if checked.normalized else None
        if other is not None and other.id != user_id:
            raise UserError("email_taken", checked.normalized)
        normalized = checked.normalized
    try:
        with session.begin_nested():
            row.name = name
            row.email = normalized
    except IntegrityError as error:
        session.refresh(row)
        raise UserError("name_taken", name) from error
    return _user(row)


def find_user_by_name(session: Session, name: str) -> User | None:
    """The user called `name` (case and surrounding spaces aside), or None."""
    key = name.strip().casefold()
    if not key:
        return None
    for user in list_users(session):
        if user.name.strip().casefold() == key:
            return user
    return None


def find_user(session: Session, text: str) -> User | None:
    """The user whose email, else name, is `text` (case and surrounding spaces aside)."""
    key = email_key(text)
    if not key:
        return None
    users = list_users(session)
    for user in users:
        if user.email and email_key(user.email) == key:
            return user
    for user in users:
        if user.name.strip().casefold() == key:
            return user
    return None


def owner_lookup(session: Session) -> dict[str, int]:
    """Users' ids by folded email and by folded name: what a file's "owner" cell may
    say (an import). An email beats a name; the first user wins a name two share (only
    possible before migration 0013)."""
    found: dict[str, int] = {}
    everyone = list_users(session)
    for user in reversed(everyone):
        if user.name:
            found[email_key(user.name)] = user.id
    for user in reversed(everyone):
        if user.email:
            found[email_key(user.email)] = user.id
    return found


def local_user_id(session: Session) -> int:
    """The first user: the person the file belonged to before there was a team."""
    first = session.scalar(select(func.min(_TABLE.c.id)))
    return int(first) if first is not None else LOCAL_USER_ID


def current_user_id(session: Session) -> int:
    """The user this session works for: the one chosen with `use_user`, else the local one."""
    chosen = session.info.get(INFO_KEY)
    return int(chosen) if chosen is not None else local_user_id(session)


def current_user(session: Session) -> User:
    """The user this session works for (see `current_user_id`)."""
    row = session.get(AppUser, current_user_id(session))
    if row is None:
        raise UserError("unknown_user", str(current_user_id(session)))
    return _user(row)


def use_user(database: Database, user_id: int) -> None:
    """Make every later session of `database` work for `user_id` (team mode)."""
    info: dict[str, Any] = database.sessions.kw.setdefault("info", {})
    first = INFO_KEY not in info
    info[INFO_KEY] = user_id
    if first:
        event.listen(database.sessions, "before_flush", _stamp_user)


def identify(database: Database, name: str, email: str = "") -> User:
    """Say who works on a team database: find the user (by email, then name), else add
    them (first use), and `use_user` them for every later session of `database`.

    On a database whose only user is the unnamed local one (a server just built, or
    the data just moved there), the first person to come in names that user instead of
    adding one: the moved calls and goals are theirs. UserError("name_required") when
    neither a name nor an email is given.
    """
    name, email = name.strip(), email.strip()
    if not name and not email:
        raise UserError("name_required")
    with database.session() as session:
        found = find_user(session, email) if email else None
        if found is None and name:
            found = find_user(session, name)
        if found is None:
            found = _claim_blank_user(session, name or email, email)
        if found is None:
            try:
                found = add_user(session, name or email, email)
            except UserError as error:
                # Added by someone else since we looked (same name, same instant).
                if error.code != "name_taken":
                    raise
                found = find_user_by_name(session, name or email)
                if found is None:
                    raise
    use_user(database, found.id)
    return found


def _claim_blank_user(session: Session, name: str, email: str) -> User | None:
    """Name the database's only user when it is the unnamed one (migration 0009's);
    None otherwise. One conditional UPDATE: two people coming in at once cannot both
    take it (the second finds it named and is added)."""
    users = list_users(session)
    if len(users) != 1 or users[0].name or users[0].email:
        return None
    if len(name) > NAME_MAX:
        raise UserError("name_too_long", str(NAME_MAX))
    checked = check_email(email)
    if not checked.valid:
        raise UserError("email_invalid", checked.error or "")
    claimed = session.execute(
        update(_TABLE)
        .where(_TABLE.c.id == users[0].id, _TABLE.c.name == "", _TABLE.c.email == "")
        .values(name=name, email=checked.normalized)
    )
    if not claimed.rowcount:  # type: ignore[attr-defined]
        return None
    return User(users[0].id, name, checked.normalized)


def _stamp_user(session: Session, _context: Any, _instances: Any) -> None:
    """`before_flush`: new per-user rows belong to the session's user."""
    user_id = session.info.get(INFO_KEY)
    if user_id is None:
        return
    for row in session.new:
        if isinstance(row, _PER_USER) and row.user_id is None:
            row.user_id = user_id
