#!/usr/bin/env bash
# Update the translation sources (.ts) from the GUI code and compile them (.qm).
#
#   scripts/update_translations.sh            # lupdate, then lrelease
#   scripts/update_translations.sh --release  # lrelease only (after editing a .ts)
#
# Uses pyside6-lupdate / pyside6-lrelease from the active environment (they come with
# PySide6-Essentials). New source strings appear as unfinished messages in every .ts;
# translate them with pyside6-linguist or a text editor, then run this script again.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
i18n_dir="$repo_root/resources/i18n"
languages=(bo zh_CN)

lupdate="$(command -v pyside6-lupdate || true)"
lrelease="$(command -v pyside6-lrelease || true)"
if [[ -z "$lupdate" || -z "$lrelease" ]]; then
    echo "pyside6-lupdate or pyside6-lrelease not found; activate the environment that" \
         "has PySide6-Essentials installed (for example: . .venv/bin/activate)" >&2
    exit 1
fi

cd "$repo_root"
if [[ "${1:-}" != "--release" ]]; then
    mapfile -t sources < <(find peftt_gui/gui -name '*.py' | sort)
    for language in "${languages[@]}"; do
        "$lupdate" -extensions py -no-obsolete -locations relative "${sources[@]}" \
            -target-language "$language" -ts "$i18n_dir/peftt_$language.ts"
    done
fi

for language in "${languages[@]}"; do
    "$lrelease" "$i18n_dir/peftt_$language.ts" -qm "$i18n_dir/peftt_$language.qm"
done
