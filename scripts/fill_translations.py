"""Fill unfinished messages of the .ts files from JSON files of translations.

    python scripts/fill_translations.py TRANSLATIONS.json [...]

Each JSON file maps a context to its source strings and their translations:
``{"ComparePage": {"Compare runs": {"bo": "...", "zh_CN": "..."}}}``. Run
``scripts/update_translations.sh`` first so the new strings are in the .ts files, then this
script, then ``scripts/update_translations.sh --release``. Messages already translated are
left alone; a source string that no .ts message has is reported.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"
LANGUAGES = ("bo", "zh_CN")


def load(paths: list[str]) -> dict[tuple[str, str], dict[str, str]]:
    merged: dict[tuple[str, str], dict[str, str]] = {}
    for path in paths:
        for context, sources in json.loads(Path(path).read_text(encoding="utf-8")).items():
            for source, translations in sources.items():
                merged[(context, source)] = translations
    return merged


def fill(language: str, translations: dict[tuple[str, str], dict[str, str]]) -> set[tuple[str, str]]:
    path = I18N / f"peftt_{language}.ts"
    tree = ET.parse(path)
    used = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            element = message.find("translation")
            if key not in translations or language not in translations[key]:
                continue
            used.add(key)
            if element.get("type") == "unfinished" or not (element.text or "").strip():
                element.text = translations[key][language]
                element.attrib.pop("type", None)
    body = ET.tostring(tree.getroot(), encoding="unicode").replace(" />", "/>")  # as lupdate writes
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return used


def main(argv: list[str]) -> int:
    translations = load(argv)
    used = set()
    for language in LANGUAGES:
        used |= fill(language, translations)
    for context, source in sorted(set(translations) - used):
        print(f"not in any .ts: {context}: {source!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
