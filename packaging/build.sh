#!/usr/bin/env bash
# Build the one-folder bundle dist/peftt-studio/ (desktop app and command line).
#
#   packaging/build.sh                      # uses .venv/bin/python, or $PYTHON
#   PYTHON=/path/to/python packaging/build.sh
#   DIST_DIR=/tmp/dist WORK_DIR=/tmp/work packaging/build.sh
#
# DIST_DIR receives the peftt-studio/ folder (default: dist). WORK_DIR contains PyInstaller's
# intermediate files (default: build/pyinstaller). Relative paths start at the repository root.
#
# The Python environment must have the project installed with its gui and packaging
# extras (pip install -e ".[gui,packaging]"). The bundle carries the torch installed
# there: install the CPU or CUDA build you want first (see packaging/README.md).
set -euo pipefail

# Everything runs inside main, which bash reads whole before running it, so editing this
# file during a build cannot change the commands of that build.
main() {
    local repo_root python dist_dir work_dir start elapsed bundle
    repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    python="${PYTHON:-$repo_root/.venv/bin/python}"
    dist_dir="${DIST_DIR:-dist}"
    work_dir="${WORK_DIR:-build/pyinstaller}"

    if ! "$python" -c "import PyInstaller" 2>/dev/null; then
        echo "PyInstaller is not installed for $python; install the packaging extra:" \
             "$python -m pip install -e \"$repo_root[gui,packaging]\"" >&2
        exit 1
    fi

    cd "$repo_root"
    start=$(date +%s)
    "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$dist_dir" --workpath "$work_dir" packaging/peftt-studio.spec
    elapsed=$(( $(date +%s) - start ))

    bundle="$(cd "$dist_dir" && pwd)/peftt-studio"
    echo "Built $bundle in ${elapsed} s ($(du -sh "$bundle" | cut -f1))."
    echo "Start it with: $bundle/peftt-studio   (command line: $bundle/peftt --help)"
}

main "$@"
exit
