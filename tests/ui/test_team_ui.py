"""Team mode in the window: owner and last-caller columns, Mine / Everyone, the owner field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from prospection.core import users
from prospection.core.db import Database
from prospection.core.models import Prospect
from prospection.core.prospect_editing import IssueCode, update_prospect
from prospection.core.prospects import ProspectFilter, count
from prospection.ui.editor.prospect_form import ProspectForm
from prospection.ui.filter_bar import FilterBar
from prospection.ui.prospect_table import ProspectTable
from prospection.ui.prospect_table_model import Column, ProspectTableModel
from tests.call_factories import add_prospect


def _bob(db: Database) -> int:
    with db.session() as session:
        users.rename_user(session, 1, "Alice")
        return users.add_user(session, "Bob", "bob@x.fr").id


def test_a_single_user_sees_no_team_column_nor_filter(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    add_prospect(db, "Boulangerie Martin")
    model = ProspectTableModel(db)
    table = ProspectTable(model)
    qtbot.addWidget(table)
    assert not model.team
    header = table.horizontalHeader()
    assert header.isSectionHidden(int(Column.OWNER))
    assert header.isSectionHidden(int(Column.LAST_CALLER))
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_team(None)
    assert bar.owner_box.isHidden() and bar.choice().owner_id is None


def test_a_team_sees_owners_and_filters_its_own(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    bob = _bob(db)
    mine = add_prospect(db, "Boulangerie Martin")
    add_prospect(db, "Garage Durand")
    with db.session() as session:
        assert update_prospect(session, mine, {"owner_id": bob}).ok
    model = ProspectTableModel(db)
    table = ProspectTable(model)
    qtbot.addWidget(table)
    assert model.team
    assert not table.horizontalHeader().isSectionHidden(int(Column.OWNER))
    texts = {
        model.index(row, Column.NAME).data(): model.index(row, Column.OWNER).data()
        for row in range(model.rowCount())
    }
    assert texts == {"Boulangerie Martin": "Bob", "Garage Durand": ""}
    # Who called last: a column offered in the header's menu, and in the owner's tooltip.
    assert table.horizontalHeader().isSectionHidden(int(Column.LAST_CALLER))
    with db.session() as session:
        session.get(Prospect, mine).last_caller_id = 1  # type: ignore[union-attr]
    model.reload()
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, Column.NAME).data() == "Boulangerie Martin"
    )
    tip = model.index(row, Column.OWNER).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Owner: Bob\nLast called by: Alice"
    assert model.index(row, Column.LAST_CALLER).data() == "Alice"
    assert model.headerData(int(Column.LAST_CALLER), Qt.Orientation.Horizontal) == "Last called by"
    # Not sortable: clicking it leaves the rows, and the arrow, where they were.
    header = table.horizontalHeader()
    before = [model.index(row, Column.NAME).data() for row in range(model.rowCount())]
    header.setSortIndicator(int(Column.OWNER), Qt.SortOrder.DescendingOrder)
    assert header.sortIndicatorSection() == int(Column.NAME)
    assert [model.index(row, Column.NAME).data() for row in range(model.rowCount())] == before

    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_team(bob)
    assert not bar.owner_box.isHidden()
    with qtbot.waitSignal(bar.changed):
        bar.owner_box.setCurrentIndex(1)  # Mine
    flt = bar.choice().to_filter()
    assert flt.owner_id == bob
    with db.session() as session:
        assert count(session, flt) == 1 and count(session, ProspectFilter()) == 2


def test_the_owner_is_chosen_in_the_editor_and_checked(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    bob = _bob(db)
    pid = add_prospect(db, "Boulangerie Martin")
    parent = QWidget()
    qtbot.addWidget(parent)
    form = ProspectForm(parent)
    with db.session() as session:
        form.set_users(users.user_labels(session))
    assert [form.owner.itemText(i) for i in range(form.owner.count())] == [
        "Nobody",
        "Alice",
        "Bob",
    ]
    form.owner.setCurrentIndex(form.owner.findData(bob))
    assert form.value().owner_id == bob
    with db.session() as session:
        assert update_prospect(session, pid, {"owner_id": form.value().owner_id}).ok
        refused = update_prospect(session, pid, {"owner_id": 99})
    assert not refused.ok and refused.errors[0].code == IssueCode.NOT_FOUND
