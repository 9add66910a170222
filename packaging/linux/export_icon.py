"""Render resources/icons/app.svg to a square PNG for the Linux icon theme.

    python packaging/linux/export_icon.py                 # 256 px, packaging/linux/peftt-studio-256.png
    python packaging/linux/export_icon.py --size 512 --out /tmp/peftt-studio-512.png
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256, help="width and height in pixels")
    parser.add_argument("--out", type=Path, default=None,
                        help="PNG file to write (default: packaging/linux/peftt-studio-SIZE.png)")
    args = parser.parse_args()
    out = args.out or Path(__file__).resolve().parent / f"peftt-studio-{args.size}.png"

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs an application object
    renderer = QSvgRenderer(str(REPO_ROOT / "resources" / "icons" / "app.svg"))
    if not renderer.isValid():
        print("resources/icons/app.svg is not a valid SVG file", file=sys.stderr)
        return 1
    image = QImage(args.size, args.size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        print(f"Cannot write {out}", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
