"""The prospect's own fields as widgets: reading a prospect in, and a ProspectInput out."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, QTime, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from prospection.core import limits
from prospection.core.enums import Stage
from prospection.core.models import Prospect
from prospection.core.prospect_editing import ProspectInput
from prospection.ui.labels import priority_label, stage_labels
from prospection.ui.preferences import Preferences
from prospection.ui.qt_dates import from_qdate, from_qdatetime, limit_dates, to_qdate, to_qdatetime


def _text_box(parent: QWidget, lines: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def next_working_morning(now: datetime, days: int = 1) -> datetime:
    """9:00 on the `days`-th working day after `now` (local time)."""
    day = now.date()
    added = 0
    while added < days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            added += 1
    return datetime.combine(day, time(9, 0)).astimezone()


class ProspectForm(QObject):
    """Creates the field widgets; `changed` fires on any edit by the user."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._loading = False
        self.name = QLineEdit(parent)
        self.name.setPlaceholderText(self.tr("Company (or person) name"))
        self.name.setAccessibleName(self.tr("Name"))
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name.setFont(font)
        self.stage = QComboBox(parent)
        for stage, label in stage_labels().items():
            self.stage.addItem(label, stage.value)
        self.priority = QComboBox(parent)
        self.priority.addItem(self.tr("No priority"), 0)
        for level in (1, 2, 3):
            self.priority.addItem(priority_label(level), level)
        self.priority.setToolTip(self.tr("How much this prospect matters to you"))
        self.tags = QLineEdit(parent)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.pains = _text_box(
            parent, 4, self.tr("What gets in their way? What do they need? (ask, then write it)")
        )
        self.pitch = _text_box(parent, 4, self.tr("How does your offer help them, in their words?"))
        self.next_planned = QCheckBox(self.tr("Planned"), parent)
        self.next_at = limit_dates(QDateTimeEdit(parent))
        self.next_at.setCalendarPopup(True)
        self.next_at.setEnabled(False)
        self.next_text = QLineEdit(parent)
        self.next_text.setPlaceholderText(self.tr("e.g. Call back after the trade fair"))
        self.website = QLineEdit(parent)
        self.website.setPlaceholderText("https://…")
        self.industry = QLineEdit(parent)
        self.size = QLineEdit(parent)
        self.size.setPlaceholderText(self.tr("e.g. 10-49 staff"))
        self.address = QLineEdit(parent)
        self.postal_code = QLineEdit(parent)
        self.postal_code.setMaximumWidth(self.postal_code.fontMetrics().averageCharWidth() * 12)
        self.city = QLineEdit(parent)
        self.country = QLineEdit(parent)
        self.country.setMaxLength(2)
        self.country.setMaximumWidth(self.country.fontMetrics().averageCharWidth() * 6)
        self.country.setToolTip(self.tr("Two-letter country code, such as FR or BE"))
        self.consumer = QCheckBox(self.tr("A consumer (not a business)"), parent)
        self.consumer.setToolTip(
            self.tr(
                "Calls to consumers follow stricter rules in France: hours, frequency, "
                "and prior consent since August 2026"
            )
        )
        self.client_since_set = QCheckBox(self.tr("Client since"), parent)
        self.client_since = limit_dates(QDateEdit(parent))
        self.client_since.setCalendarPopup(True)
        self.client_since.setEnabled(False)
        self.revenue = QDoubleSpinBox(parent)
        self.revenue.setRange(0, 1e12)
        self.revenue.setDecimals(0)
        self.revenue.setGroupSeparatorShown(True)
        self.revenue.setSpecialValueText(self.tr("not known"))
        symbol = QLocale().currencySymbol()
        if symbol:
            self.revenue.setSuffix(f" {symbol}")
        self.notes = _text_box(parent, 5, self.tr("Anything worth remembering"))
        # Team mode only (the editor hides its row while one person uses the data).
        self.owner = QComboBox(parent)
        self.owner.setAccessibleName(self.tr("Owner"))
        self.owner.setToolTip(self.tr("The colleague in charge of this prospect"))
        self.owner.addItem(self.tr("Nobody"), None)
        # One-line fields take at most what core accepts (core.limits); long texts
        # (notes, pains, pitch) are refused on saving, with a message, not cut.
        for name in ("name", "tags", "next_text", "website", "industry", "size", "address"):
            edit = getattr(self, name)
            edit.setMaxLength(limits.max_length(name))
        for name in ("postal_code", "city"):
            getattr(self, name).setMaxLength(limits.max_length(name))
        self.source = QLabel(parent)
        self.source.setWordWrap(True)

        self.next_planned.toggled.connect(self._next_toggled)
        self.client_since_set.toggled.connect(self.client_since.setEnabled)
        for line in (
            self.name,
            self.tags,
            self.next_text,
            self.website,
            self.industry,
            self.size,
            self.address,
            self.postal_code,
            self.city,
            self.country,
        ):
            line.textChanged.connect(self._edited)
        for box in (self.pains, self.pitch, self.notes):
            box.textChanged.connect(self._edited)
        self.stage.currentIndexChanged.connect(self._edited)
        self.priority.currentIndexChanged.connect(self._edited)
        for check in (self.next_planned, self.consumer, self.client_since_set):
            check.toggled.connect(self._edited)
        self.next_at.dateTimeChanged.connect(self._edited)
        self.client_since.dateChanged.connect(self._edited)
        self.revenue.valueChanged.connect(self._edited)
        self.owner.currentIndexChanged.connect(self._edited)

    def set_users(self, labels: dict[int, str]) -> None:
        """The users an owner is chosen from (their names by id)."""
        chosen = self.owner.currentData()
        self._loading = True
        try:
            self.owner.clear()
            self.owner.addItem(self.tr("Nobody"), None)
            for user_id, label in labels.items():
                self.owner.addItem(label or self.tr("Me"), user_id)
            self.owner.setCurrentIndex(max(0, self.owner.findData(chosen)))
        finally:
            self._loading = False

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _next_toggled(self, planned: bool) -> None:
        self.next_at.setEnabled(planned)
        if planned and not self._loading:
            self.next_at.setDateTime(to_qdatetime(next_working_morning(datetime.now())))

    def plan_next(self, moment: datetime) -> None:
        """Set the next action's date-time (quick buttons)."""
        self.next_planned.setChecked(True)
        self.next_at.setDateTime(to_qdatetime(moment))

    def load(self, prospect: Prospect | None) -> None:
        """Fill the widgets from `prospect` (None: an empty new prospect)."""
        self._loading = True
        try:
            data = (
                ProspectInput.of(prospect)
                if prospect is not None
                else ProspectInput(country=Preferences().phone_region())
            )
            self._fill(data, [t.name for t in prospect.tags] if prospect else [])
            self.source.setText(self._source_text(prospect))
        finally:
            self._loading = False

    def fill(self, data: ProspectInput, tags: list[str]) -> None:
        """Put `data` and `tags` in the widgets (edits carried over from another window:
        the prospect's own details, its source and contacts, stay as loaded)."""
        self._loading = True
        try:
            self._fill(data, tags)
        finally:
            self._loading = False

    def _fill(self, data: ProspectInput, tags: list[str]) -> None:
        self.name.setText(data.name)
        self.stage.setCurrentIndex(max(0, self.stage.findData(Stage(data.stage).value)))
        self.priority.setCurrentIndex(max(0, min(3, data.priority)))
        self.tags.setText(", ".join(tags))
        self.pains.setPlainText(data.pains)
        self.pitch.setPlainText(data.pitch)
        planned = data.next_action_at is not None
        self.next_planned.setChecked(planned)
        self.next_at.setEnabled(planned)
        if data.next_action_at is not None:
            self.next_at.setDateTime(to_qdatetime(data.next_action_at))
        else:
            self.next_at.setDateTime(QDateTime(QDate.currentDate().addDays(1), QTime(9, 0)))
        self.next_text.setText(data.next_action_text)
        self.website.setText(data.website)
        self.industry.setText(data.industry)
        self.size.setText(data.size)
        self.address.setText(data.address)
        self.postal_code.setText(data.postal_code)
        self.city.setText(data.city)
        self.country.setText(data.country)
        self.consumer.setChecked(data.is_consumer)
        found = self.owner.findData(data.owner_id) if data.owner_id is not None else 0
        self.owner.setCurrentIndex(max(0, found))
        self.client_since_set.setChecked(data.client_since is not None)
        self.client_since.setEnabled(data.client_since is not None)
        self.client_since.setDate(
            to_qdate(data.client_since) if data.client_since else QDate.currentDate()
        )
        self.revenue.setValue(data.yearly_revenue or 0)
        self.notes.setPlainText(data.notes)

    def _source_text(self, prospect: Prospect | None) -> str:
        if prospect is None:
            return self.tr("Added by hand")
        day = QLocale().toString(
            to_qdatetime(prospect.collected_at).date(), QLocale.FormatType.ShortFormat
        )
        texts = {
            "manual": self.tr("Added by hand on {day}"),
            "import": self.tr("Imported from a file on {day}"),
            "demo": self.tr("Demo data, created on {day}"),
            "cli": self.tr("Added from the command line on {day}"),
        }
        template = texts.get(prospect.source, self.tr("Source: {source}, on {day}"))
        return template.format(day=day, source=prospect.source)

    def tag_names(self) -> list[str]:
        """The tags typed, in order, without blanks."""
        return [t.strip() for t in self.tags.text().split(",") if t.strip()]

    def value(self) -> ProspectInput:
        """What the widgets hold."""
        return ProspectInput(
            name=self.name.text(),
            website=self.website.text(),
            industry=self.industry.text(),
            size=self.size.text(),
            address=self.address.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            country=self.country.text() or "FR",
            stage=Stage(self.stage.currentData()),
            priority=int(self.priority.currentData()),
            pains=self.pains.toPlainText(),
            pitch=self.pitch.toPlainText(),
            notes=self.notes.toPlainText(),
            next_action_at=from_qdatetime(self.next_at.dateTime())
            if self.next_planned.isChecked()
            else None,
            next_action_text=self.next_text.text(),
            is_consumer=self.consumer.isChecked(),
            client_since=from_qdate(self.client_since.date())
            if self.client_since_set.isChecked()
            else None,
            yearly_revenue=self.revenue.value() or None,
            owner_id=self.owner.currentData(),
        )

    def widget_for(self, field: str) -> QWidget | None:
        """The widget editing `field` (to put the cursor on a field to correct)."""
        widgets: dict[str, QWidget] = {
            "name": self.name,
            "country": self.country,
            "priority": self.priority,
            "stage": self.stage,
            "yearly_revenue": self.revenue,
            "tags": self.tags,
        }
        return widgets.get(field)
