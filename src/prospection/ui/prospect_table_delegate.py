"""How a cell of the prospect table is drawn: Qt's own item drawing, asked in one call."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from prospection.ui.prospect_table_model import ProspectTableModel

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay


class ProspectCellDelegate(QStyledItemDelegate):
    """Fills a cell's drawing options from the model's cached row in one Python call.

    Qt's delegate asks the model for seven roles of every painted cell, each a call from
    C++ into Python (over 1,500 per paint of a laptop screen). This one asks the model
    once per cell for what the cell shows (text, bold, overdue colour) and leaves the
    drawing itself to Qt, unchanged. Cells with an icon (the do-not-call badge) take
    Qt's own path. A test compares both pixel for pixel.
    """

    def __init__(self, model: ProspectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._with_text: dict[
            QStyleOptionViewItem.ViewItemFeature, QStyleOptionViewItem.ViewItemFeature
        ] = {}

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        look = self._model.cell_look(index.row(), index.column())
        if look is None:  # an icon, or no row: Qt's own path
            super().initStyleOption(option, index)
            return
        text, font, colour = look
        if isinstance(index, QModelIndex):
            option.index = index
        if font is not None:
            font = font.resolve(option.font)
            option.font = font
            option.fontMetrics = QFontMetrics(font)
        if colour is not None:
            palette = QPalette(option.palette)
            palette.setBrush(QPalette.ColorRole.Text, colour)
            option.palette = palette
        if text:
            # The features with "has a text" added, per features the view set (OR-ing
            # Qt's flags in Python costs more than the rest of this method).
            features = option.features
            shown = self._with_text.get(features)
            if shown is None:
                shown = self._with_text[features] = features | _HAS_DISPLAY
            option.features = shown
            option.text = text
