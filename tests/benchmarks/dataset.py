"""Deterministic data sets of any size, written straight into a migrated Prospection file.

Rows go in with `executemany` on the real schema. Two ways to fill the full-text index
are kept, so that their cost can be compared: `triggers` (the schema's own triggers,
row by row, as the app does) and `rebuild` (triggers and secondary indexes dropped
during the load, then the index filled with one INSERT ... SELECT of the very document
the triggers build, and everything recreated).
"""

from __future__ import annotations

import csv
import json
import random
import re
import shutil
import sqlite3
import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from prospection.core.db import head_revision, open_database
from prospection.core.imports.search_index import WHERE, derived_sql, trigger_statement
from prospection.paths import DATABASE_NAME

#: Bump when the generated content changes, so that cached files are rebuilt.
GENERATOR_VERSION = 5
SEED = 20261127
#: Years of history the activities are spread over ("ten years of history").
HISTORY_DAYS = 3650
ACTIVITIES_PER_PROSPECT = 10

FIRST_NAMES = [
    "Élodie",
    "François",
    "Jean",
    "Agnès",
    "Camille",
    "Nicolas",
    "Sophie",
    "Julien",
    "Claire",
    "Thomas",
    "Émilie",
    "Louis",
    "Chloé",
    "Hugo",
    "Léa",
    "Mathieu",
    "Manon",
    "Antoine",
    "Inès",
    "Pierre",
    "Sarah",
    "Lucas",
    "Juliette",
    "Baptiste",
    "Anaïs",
    "Romain",
    "Céline",
    "Maxime",
    "Aurélie",
    "Olivier",
    "Laure",
    "Vincent",
    "Margaux",
    "Guillaume",
    "Noémie",
    "Arnaud",
    "Hélène",
    "Sébastien",
    "Marion",
    "Benoît",
    "Pauline",
    "Cédric",
    "Lucie",
    "Damien",
    "Océane",
    "Jérôme",
    "Zoé",
    "Yann",
]
LAST_NAMES = [
    "Marchand",
    "Lefèvre",
    "Rocher",
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Gérard",
    "Nguyen",
    "Boyer",
]
TRADES = [
    "Boulangerie",
    "Menuiserie",
    "Garage",
    "Cabinet",
    "Pharmacie",
    "Imprimerie",
    "Transports",
    "Plomberie",
    "Électricité",
    "Fromagerie",
    "Librairie",
    "Brasserie",
    "Atelier",
    "Agence",
    "Clinique",
    "Laboratoire",
    "Serrurerie",
    "Couverture",
    "Paysagiste",
    "Traiteur",
    "Boucherie",
    "Optique",
    "Studio",
    "Hôtel",
    "Domaine",
]
SUFFIXES = ("", "", "", " SARL", " SAS", " & Fils", " et Associés", " Services", " Group")
INDUSTRIES = (
    "Bakery",
    "Joinery",
    "Car repair",
    "Accounting",
    "Pharmacy",
    "Printing",
    "Logistics",
    "Plumbing",
    "Electrical",
    "Food retail",
    "Books",
    "Restaurant",
    "Crafts",
    "Marketing",
    "Healthcare",
    "Laboratory",
    "Locksmith",
    "Roofing",
    "Landscaping",
    "Catering",
)
CITIES = (
    ("Lyon", "69001"),
    ("Villeurbanne", "69100"),
    ("Rezé", "44400"),
    ("Nantes", "44000"),
    ("Montreuil", "93100"),
    ("Paris", "75011"),
    ("Lille", "59000"),
    ("Roubaix", "59100"),
    ("Marseille", "13001"),
    ("Aix-en-Provence", "13100"),
    ("Toulouse", "31000"),
    ("Bordeaux", "33000"),
    ("Mérignac", "33700"),
    ("Strasbourg", "67000"),
    ("Rennes", "35000"),
    ("Grenoble", "38000"),
    ("Dijon", "21000"),
    ("Angers", "49000"),
    ("Nîmes", "30000"),
    ("Saint-Étienne", "42000"),
    ("Le Mans", "72000"),
    ("Brest", "29200"),
    ("Tours", "37000"),
    ("Limoges", "87000"),
    ("Amiens", "80000"),
    ("Perpignan", "66000"),
    ("Metz", "57000"),
    ("Besançon", "25000"),
    ("Orléans", "45000"),
    ("Rouen", "76000"),
    ("Caen", "14000"),
    ("Nancy", "54000"),
    ("Argenteuil", "95100"),
    ("Pau", "64000"),
    ("La Rochelle", "17000"),
    ("Annecy", "74000"),
    ("Chambéry", "73000"),
    ("Vannes", "56000"),
)
PAINS = (
    "Delivery costs up 18% this year; two vans idle in the afternoon.",
    "Spends Friday afternoons chasing unpaid invoices.",
    "Lost their biggest client in March, needs new accounts fast.",
    "Website brings no leads; phone rings only for existing clients.",
    "Staff turnover in the workshop, training takes months.",
    "Stock errors at month end, counts done by hand.",
    "",
    "",
    "",
)
PITCHES = (
    "Pooled morning routes with two nearby bakeries: -25% cost, no new van.",
    "Automatic reminders recover invoices two weeks sooner.",
    "A referral programme among their existing clients.",
    "Local search pages that bring calls from the area.",
    "",
    "",
    "",
)
NOTES = (
    "Call after 2 pm, the manager is in the workshop in the morning.",
    "Asked for a brochure by email.",
    "Budget reviewed in January, call back then.",
    "Gatekeeper very friendly, suggested the sales director.",
    "Already works with a competitor, contract ends in June.",
    "Interested in the pooled delivery idea.",
    "Wrong number listed on the website, new one found.",
    "Meeting at their office, bring the case study.",
    "Rappeler après le salon professionnel.",
    "Le gérant préfère être contacté par courriel.",
)
TITLES = (
    "Gérant",
    "Directrice commerciale",
    "Responsable achats",
    "Assistante de direction",
    "Directeur administratif et financier",
    "Office manager",
    "Fondatrice",
    "Standard",
)
ROLES = ("decision_maker", "influencer", "gatekeeper", "user", "other")
TAGS = (
    "bakery",
    "lyon",
    "salon-2026",
    "referral",
    "hot",
    "cold-list",
    "partner",
    "b2b",
    "retail",
    "crafts",
    "priority-q1",
    "newsletter",
    "linkedin",
    "event",
    "north",
    "south",
)
STAGES = (
    ("new", 50),
    ("attempted", 20),
    ("reached", 10),
    ("meeting", 5),
    ("proposal", 3),
    ("client", 4),
    ("lost", 4),
    ("not_a_fit", 2),
    ("unreachable", 2),
)
KINDS = (("call", 70), ("email", 10), ("meeting", 5), ("note", 10), ("stage_change", 5))
OUTCOMES = (
    ("no_answer", 45),
    ("voicemail", 20),
    ("gatekeeper", 12),
    ("wrong_number", 3),
    ("not_interested", 8),
    ("call_back", 6),
    ("conversation", 4),
    ("meeting_booked", 2),
)
_FOLD = str.maketrans("éèêëàâäîïôöùûüçÉÈÊÀÂÎÔÙÛÇ&", "eeeeaaaiioouuucEEEAAIOUUC ")


@dataclass(frozen=True)
class DataSet:
    """A built data set: its file and what it holds."""

    path: Path
    size: int
    counts: dict[str, int]
    reference: datetime  # "now" when it was built (due dates and history end there)
    build_s: float
    fts_fill: str


def _stamp(moment: datetime) -> str:
    # The text SQLAlchemy's SQLite DateTime type writes (naive UTC).
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...], k: int) -> list[str]:
    values = [value for value, _ in pairs]
    weights = [weight for _, weight in pairs]
    return rng.choices(values, weights=weights, k=k)


def _name_key(name: str) -> str:
    folded = name.translate(_FOLD).lower()
    for legal in (" sarl", " sas", " & fils", " et associes"):
        folded = folded.replace(legal, "")
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def _phone(rng: random.Random) -> tuple[str, str]:
    # French landlines and mobiles, typed the ways people type them.
    first = rng.choice("1234567")
    digits = first + "".join(rng.choice("0123456789") for _ in range(8))
    national = "0" + digits
    style = rng.randrange(4)
    if style == 0:
        raw = " ".join(national[i : i + 2] for i in range(0, 10, 2))
    elif style == 1:
        raw = national
    elif style == 2:
        raw = ".".join(national[i : i + 2] for i in range(0, 10, 2))
    else:
        raw = "+33 " + digits[0] + " " + " ".join(digits[i : i + 2] for i in range(1, 9, 2))
    return raw, "+33" + digits


def cache_path(cache_dir: Path, size: int) -> Path:
    """Where the data set of `size` prospects is kept between runs.

    Each set is a data folder of its own, laid out as the app expects, so that the app
    itself can be started on it.
    """
    folder = cache_dir / f"set-{size}-g{GENERATOR_VERSION}"
    return folder / DATABASE_NAME


def build(cache_dir: Path, size: int, *, fts_fill: str = "rebuild", reuse: bool = True) -> DataSet:
    """The data set of `size` prospects, built (or reused from `cache_dir`)."""
    path = cache_path(cache_dir, size)
    meta_path = path.parent / "dataset.json"
    if reuse and path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("complete"):
            # A set built under an older schema is upgraded as a user's file would be.
            if meta.get("schema") != head_revision():
                database = open_database(path)
                database.dispose()
                meta["schema"] = head_revision()
                meta_path.write_text(json.dumps(meta))
            return DataSet(
                path=path,
                size=size,
                counts=meta["counts"],
                reference=datetime.fromisoformat(meta["reference"]),
                build_s=meta["build_s"],
                fts_fill=meta["fts_fill"],
            )
    if path.parent.exists():
        shutil.rmtree(path.parent)
    path.parent.mkdir(parents=True)
    started = time.perf_counter()
    reference = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    database = open_database(path)
    database.dispose()
    counts = _fill(path, size, reference, fts_fill)
    build_s = time.perf_counter() - started
    meta_path.write_text(
        json.dumps(
            {
                "complete": True,
                "counts": counts,
                "reference": reference.isoformat(),
                "build_s": build_s,
                "fts_fill": fts_fill,
                "schema": head_revision(),
            }
        )
    )
    return DataSet(path, size, counts, reference, build_s, fts_fill)


def _fill(path: Path, size: int, reference: datetime, fts_fill: str) -> dict[str, int]:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -400000")
        saved: list[str] = []
        if fts_fill == "rebuild":
            saved = _drop_triggers_and_indexes(connection)
        connection.execute("BEGIN")
        counts = _insert_rows(connection, size, reference)
        connection.execute("COMMIT")
        if fts_fill == "rebuild":
            _rebuild(connection, saved)
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    return counts


_BULK_TABLES = ("prospect", "contact", "phone", "activity", "prospect_tag", "tag")


def _drop_triggers_and_indexes(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') "
        f"AND tbl_name IN {_BULK_TABLES} AND sql IS NOT NULL"
    ).fetchall()
    for kind, name, _sql in rows:
        connection.execute(f"DROP {kind.upper()} {name}")
    return [sql for _kind, _name, sql in rows]


def derived_statements(connection: sqlite3.Connection) -> list[str]:
    """What the schema's triggers derive for one prospect, widened to every prospect: the
    search document, then the contact, phone and tag copies (sort and shown columns).

    Read from the triggers with the import's own reader (`search_index`), so a set loaded
    with its triggers dropped ends up as if they had run; without the copies, sorting by
    contact, phone or tags would measure a column of NULLs.
    """
    triggers = dict(
        connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name IN ('prospect_search_ai', 'contact_sort_ai', 'prospect_tag_sort_ai')"
        ).fetchall()
    )
    derived = derived_sql(triggers)
    tag_trigger = triggers.get("prospect_tag_sort_ai", "")
    tags = trigger_statement(tag_trigger, "UPDATE prospect SET", "WHERE id = NEW.prospect_id")
    if derived.document is None or derived.sort is None or tags is None:
        raise RuntimeError("the schema's derived data no longer has the expected shape")
    tags = tags.replace("NEW.prospect_id", "prospect.id")
    return [statement.replace(WHERE, "") for statement in (derived.document, derived.sort, tags)]


def _rebuild(connection: sqlite3.Connection, saved: list[str]) -> None:
    indexes = [sql for sql in saved if sql.upper().startswith("CREATE INDEX")]
    indexes += [sql for sql in saved if sql.upper().startswith("CREATE UNIQUE INDEX")]
    triggers = [sql for sql in saved if sql.upper().startswith("CREATE TRIGGER")]
    connection.execute("BEGIN")
    for sql in indexes:
        connection.execute(sql)
    connection.execute("COMMIT")
    connection.execute("BEGIN")
    for sql in triggers:
        connection.execute(sql)
    connection.execute("DELETE FROM prospect_search")
    for statement in derived_statements(connection):
        connection.execute(statement)
    connection.execute("COMMIT")
    connection.execute("INSERT INTO prospect_search(prospect_search) VALUES ('optimize')")


def _insert_rows(connection: sqlite3.Connection, size: int, reference: datetime) -> dict[str, int]:
    rng = random.Random(SEED)
    now_text = _stamp(reference)
    counts: dict[str, int] = {}

    connection.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", enumerate(TAGS, 1))
    counts["tag"] = len(TAGS)

    stages = _weighted(rng, STAGES, size)
    cities = rng.choices(CITIES, k=size)
    trades = rng.choices(TRADES, k=size)
    owners = rng.choices(LAST_NAMES, k=size)
    suffixes = rng.choices(SUFFIXES, k=size)
    industries = rng.choices(INDUSTRIES, k=size)
    pains = rng.choices(PAINS, k=size)
    pitches = rng.choices(PITCHES, k=size)
    priorities = rng.choices((0, 0, 0, 1, 2, 3), k=size)
    due_offsets = [
        rng.randrange(-30 * 24, 60 * 24) if rng.random() < 0.3 else None for _ in range(size)
    ]
    created_days = [rng.randrange(HISTORY_DAYS) for _ in range(size)]

    # Activities first in memory as (day, prospect) counts only: last contact dates are
    # denormalised onto the prospect, as the app keeps them.
    total_activities = size * ACTIVITIES_PER_PROSPECT
    activity_prospects = array("i", (rng.randrange(size) + 1 for _ in range(total_activities)))
    per_day = total_activities // HISTORY_DAYS
    extra = total_activities - per_day * HISTORY_DAYS
    last_contact: list[str | None] = [None] * (size + 1)
    start_day = reference - timedelta(days=HISTORY_DAYS)
    day_texts = [(start_day + timedelta(days=d)).strftime("%Y-%m-%d") for d in range(HISTORY_DAYS)]
    day_of_activity = array("H")
    for day in range(HISTORY_DAYS):
        day_of_activity.extend([day] * (per_day + (1 if day < extra else 0)))
    for index, prospect_id in enumerate(activity_prospects):
        last_contact[prospect_id] = day_texts[day_of_activity[index]]

    def prospects() -> Iterator[tuple[object, ...]]:
        for i in range(size):
            pid = i + 1
            city, postal = cities[i]
            name = f"{trades[i]} {owners[i]}{suffixes[i]}"
            if i % 7 == 0:
                name = f"{name} {city}"
            due = due_offsets[i]
            due_text = _stamp(reference + timedelta(minutes=due * 60 // 24)) if due else None
            created = _stamp(start_day + timedelta(days=created_days[i]))
            last = last_contact[pid]
            yield (
                pid,
                name,
                _name_key(name),
                f"https://www.example-{pid}.fr",
                industries[i],
                "10-49",
                f"{pid % 200 + 1} rue de la République",
                postal,
                city,
                "FR",
                stages[i],
                priorities[i],
                pains[i],
                pitches[i],
                "",
                due_text,
                "Call back" if due_text else "",
                f"{last} 10:00:00.000000" if last else None,
                None,
                pid % 4,
                "demo",
                None,
                created,
                0,
                None,
                None,
                created,
                now_text,
            )

    connection.executemany(
        "INSERT INTO prospect (id, name, name_key, website, industry, size, address, "
        "postal_code, city, country, stage, priority, pains, pitch, notes, next_action_at, "
        "next_action_text, last_contact_at, last_inbound_at, call_attempts, source, "
        "import_batch_id, collected_at, is_consumer, client_since, yearly_revenue, "
        "created_at, updated_at) VALUES (" + ", ".join("?" * 28) + ")",
        prospects(),
    )
    counts["prospect"] = size

    contacts_per = rng.choices((1, 1, 1, 2, 2, 3), k=size)
    primary_contact = array("i", [0]) * (size + 1)
    contact_rows: list[int] = []  # prospect of each contact, in id order

    def contacts() -> Iterator[tuple[object, ...]]:
        contact_id = 0
        for i in range(size):
            pid = i + 1
            for n in range(contacts_per[i]):
                contact_id += 1
                if n == 0:
                    primary_contact[pid] = contact_id
                contact_rows.append(pid)
                first = FIRST_NAMES[(pid * 7 + n * 3) % len(FIRST_NAMES)]
                last = LAST_NAMES[(pid * 11 + n * 5) % len(LAST_NAMES)]
                email = f"{first[0].lower()}.{last.lower()}{contact_id}@example-{pid}.fr"
                dnc = 1 if contact_id % 97 == 0 else 0
                yield (
                    contact_id,
                    pid,
                    first,
                    last,
                    TITLES[(pid + n) % len(TITLES)],
                    ROLES[n % len(ROLES)],
                    email.translate(_FOLD),
                    "",
                    1 if n == 0 else 0,
                    dnc,
                    now_text if dnc else None,
                    "Asked not to be called" if dnc else "",
                    0,
                    None,
                    "",
                    None,
                    "",
                    "",
                    "demo",
                    None,
                    now_text,
                    "{}",
                    now_text,
                    now_text,
                )

    connection.executemany(
        "INSERT INTO contact (id, prospect_id, first_name, last_name, title, role, email, "
        "linkedin_url, is_primary, dnc_phone, dnc_phone_at, dnc_phone_reason, dnc_email, "
        "dnc_email_at, dnc_email_reason, consent_at, consent_channel, consent_wording, "
        "source, import_batch_id, collected_at, extra_fields, created_at, updated_at) "
        "VALUES (" + ", ".join("?" * 24) + ")",
        contacts(),
    )
    counts["contact"] = len(contact_rows)

    def phones() -> Iterator[tuple[object, ...]]:
        phone_id = 0
        for contact_index in range(len(contact_rows)):
            for position in range(1 if contact_index % 3 else 2):
                phone_id += 1
                raw, e164 = _phone(rng)
                kind = "work" if position == 0 else "mobile"
                yield (phone_id, contact_index + 1, kind, raw, e164, 0, position)

    phone_count = connection.executemany(
        "INSERT INTO phone (id, contact_id, kind, raw, e164, is_wrong, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        phones(),
    ).rowcount
    counts["phone"] = phone_count

    def tagged() -> Iterator[tuple[int, int]]:
        for pid in range(1, size + 1):
            first = pid % 23
            if first < len(TAGS):
                yield (pid, first + 1)
            second = (pid * 5) % 41
            if second < len(TAGS) and second != first:
                yield (pid, second + 1)

    counts["prospect_tag"] = connection.executemany(
        "INSERT INTO prospect_tag (prospect_id, tag_id) VALUES (?, ?)", tagged()
    ).rowcount

    kinds = _weighted(rng, KINDS, 4096)
    outcomes = _weighted(rng, OUTCOMES, 4096)
    note_picks = [NOTES[i % len(NOTES)] if i % 5 == 0 else "" for i in range(4099)]

    def activities() -> Iterator[tuple[object, ...]]:
        for index in range(total_activities):
            pid = activity_prospects[index]
            kind = kinds[index % 4096]
            outcome = outcomes[(index * 7) % 4096] if kind == "call" else None
            second = (index * 7919) % 36000  # spread over the 10-hour working day
            moment = (
                f"{day_texts[day_of_activity[index]]} "
                f"{8 + second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}.000000"
            )
            yield (
                index + 1,
                pid,
                primary_contact[pid],
                None,
                None,
                kind,
                outcome,
                moment,
                (index % 300) if kind == "call" else None,
                0,
                note_picks[index % 4099],
                "",
                None,
                None,
                None,
                moment,
            )

    connection.executemany(
        "INSERT INTO activity (id, prospect_id, contact_id, phone_id, call_session_id, kind, "
        "outcome, occurred_at, duration_seconds, inbound, notes, location, ends_at, "
        "stage_from, stage_to, created_at) VALUES (" + ", ".join("?" * 16) + ")",
        activities(),
    )
    counts["activity"] = total_activities

    this_monday = (reference - timedelta(days=reference.weekday())).date()
    goals = []
    for weeks_back in range(52):
        year, week, _ = (this_monday - timedelta(weeks=weeks_back)).isocalendar()
        goals.append((f"{year}-W{week:02d}", 40, 8, 5, 2, 0))
    connection.executemany(
        "INSERT INTO weekly_goal (week, calls, reached, conversations, meetings, new_clients) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        goals,
    )
    counts["weekly_goal"] = len(goals)
    return counts


CSV_HEADER = (
    "Company",
    "First name",
    "Last name",
    "Job title",
    "Email",
    "Phone",
    "Mobile",
    "Address",
    "Postal code",
    "City",
    "Industry",
    "Website",
)


def write_import_csv(path: Path, rows: int) -> Path:
    """A purchased-list style CSV of `rows` lines (some duplicates, odd phone formats)."""
    rng = random.Random(SEED + rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for i in range(rows):
            # One row in 20 repeats an earlier company and email (duplicate detection).
            n = rng.randrange(i) if i > 20 and i % 20 == 0 else i
            city, postal = CITIES[n % len(CITIES)]
            first = FIRST_NAMES[(n * 7) % len(FIRST_NAMES)]
            last = LAST_NAMES[(n * 13) % len(LAST_NAMES)]
            company = f"{TRADES[n % len(TRADES)]} {LAST_NAMES[(n * 3) % len(LAST_NAMES)]} {n}"
            work, _ = _phone(rng)
            mobile = ""
            if i % 3 == 0:
                mobile = "6" + "".join(rng.choice("0123456789") for _ in range(8))
            email = f"{first[0]}.{last}{n}@example-{n}.fr".lower().translate(_FOLD)
            if i % 50 == 7:
                email = "not-an-email"
            writer.writerow(
                (
                    company,
                    first,
                    last,
                    TITLES[n % len(TITLES)],
                    email,
                    work,
                    mobile,
                    f"{n % 150 + 1} avenue Jean Jaurès",
                    postal,
                    city,
                    INDUSTRIES[n % len(INDUSTRIES)],
                    f"www.example-{n}.fr",
                )
            )
    return path
