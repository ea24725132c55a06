"""UI test set-up: QSettings isolated per test, and a few prospects to show."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.models import Contact, Phone, Prospect, Tag


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: object) -> Iterator[None]:
    """Each test starts from empty preferences and writes them into its tmp folder."""
    QCoreApplication.setOrganizationName("ProspectionTests")
    QCoreApplication.setApplicationName("ProspectionTests")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


def seed(db: Database, n: int = 0) -> list[int]:
    """Four named prospects (and `n` generic ones); their ids."""
    now = datetime.now(UTC)
    specs = [
        ("Boulangeries Marchand", "Lyon", Stage.REACHED, now - timedelta(days=2), "Élodie"),
        ("Menuiserie Lefèvre", "Rezé", Stage.NEW, now + timedelta(minutes=1), "François"),
        ("DataForge", "Montreuil", Stage.ATTEMPTED, now + timedelta(days=3), "Jean"),
        ("Zénith Transports", "Lille", Stage.CLIENT, None, "Agnès"),
    ]
    specs += [(f"Société {i:04d}", "Paris", Stage.NEW, None, f"Prénom{i}") for i in range(n)]
    ids = []
    with db.session() as session:
        bakery = Tag(name="bakery")
        session.add(bakery)
        for index, (name, city, stage, due, first) in enumerate(specs):
            prospect = Prospect(name=name, city=city, stage=stage, next_action_at=due)
            contact = Contact(first_name=first, last_name=f"Nom{index}", is_primary=True)
            contact.phones.append(Phone(raw=f"04 65 71 20 1{index % 10}", e164=None))
            prospect.contacts.append(contact)
            if index == 0:
                prospect.tags.append(bakery)
            if index == 3:
                contact.dnc_phone = True
            session.add(prospect)
            session.flush()
            ids.append(prospect.id)
    return ids
