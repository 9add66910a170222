"""Load the SVG icons of ``resources/icons``."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from peftt_gui.resources import resource_path

# The stroke colour of the sidebar icons. A selected item (white text on the highlight
# colour) gets a white copy, because the blue stroke vanishes on a blue highlight.
ICON_STROKE = "#3b6ea5"
SELECTED_STROKE = "#ffffff"
PIXMAP_SIZES = (16, 22, 32, 44, 48, 64)


def icon(name: str) -> QIcon:
    """Return the icon ``resources/icons/<name>.svg``; a null QIcon if the file is missing."""
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8")
    if ICON_STROKE not in svg:
        return QIcon(str(path))

    result = QIcon()
    for mode, stroke in ((QIcon.Mode.Normal, ICON_STROKE), (QIcon.Mode.Selected, SELECTED_STROKE)):
        renderer = QSvgRenderer(QByteArray(svg.replace(ICON_STROKE, stroke).encode()))
        for size in PIXMAP_SIZES:
            result.addPixmap(_render(renderer, size), mode)
    return result


def _render(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap
