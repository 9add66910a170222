"""Load the SVG icons of ``resources/icons``."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

from peftt_gui.resources import resource_path

# The stroke colour of the sidebar icons. A selected item (white text on the highlight
# colour) gets a white copy, because the blue stroke vanishes on a blue highlight.
ICON_STROKE = "#3b6ea5"
SELECTED_STROKE = "#ffffff"


def icon(name: str) -> QIcon:
    """Return the icon ``resources/icons/<name>.svg``; a null QIcon if the file is missing."""
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8")
    if ICON_STROKE not in svg:
        return QIcon(str(path))
    return QIcon(StrokeIconEngine(svg))


class StrokeIconEngine(QIconEngine):
    """An icon engine that draws an SVG icon in its stroke colour, or in white when selected.

    Each size is rendered when first requested and then kept, so that building the
    sidebar before the first paint renders nothing.
    """

    def __init__(self, svg: str):
        super().__init__()
        self._svg = svg
        self._renderers: dict[bool, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def _renderer(self, selected: bool) -> QSvgRenderer:
        if selected not in self._renderers:
            stroke = SELECTED_STROKE if selected else ICON_STROKE
            self._renderers[selected] = QSvgRenderer(
                QByteArray(self._svg.replace(ICON_STROKE, stroke).encode()))
        return self._renderers[selected]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode)
        if key not in self._pixmaps:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self._renderer(mode == QIcon.Mode.Selected).render(painter, QRectF(pixmap.rect()))
            painter.end()
            if mode == QIcon.Mode.Disabled and QApplication.instance() is not None:
                pixmap = QApplication.style().generatedIconPixmap(mode, pixmap, QStyleOption())
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return StrokeIconEngine(self._svg)
