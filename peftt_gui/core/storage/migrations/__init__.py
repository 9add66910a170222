"""Alembic migrations of the run history schema, run by ``RunStorage`` at start-up.

No ``alembic.ini`` is needed: ``alembic_config`` builds the configuration in code.
Alembic is imported only when a database needs a schema change, so opening an
up-to-date history stays fast.

To add a revision:

1. Change the tables in ``storage/models.py``.
2. Bring a scratch database to the current head and let Alembic write the revision::

       from alembic import command
       from peftt_gui.core.storage.migrations import alembic_config

       config = alembic_config(url="sqlite:////tmp/scratch-history.db")
       command.upgrade(config, "head")
       command.revision(config, message="add x", autogenerate=True, rev_id="0002")

3. Review the new file in ``versions/`` and set ``HEAD_REVISION`` below to its id.
4. Keep a ``.db`` of the previous schema in ``tests/data/schemas/`` (see ``make_v1.py``
   there) so that the upgrade test opens it.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from peftt_gui.core.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

logger = logging.getLogger(__name__)

# The newest revision in versions/. A test checks that it matches Alembic's head, so
# start-up can compare the stored revision with this string without loading Alembic.
HEAD_REVISION = "0002"

MIGRATIONS_DIR = Path(__file__).resolve().parent

# schema_info key of the PEFTT Studio version that last opened the file.
APP_VERSION_KEY = "app_version"


@dataclass(frozen=True)
class SchemaState:
    """What a database file contains before ``RunStorage`` touches it."""

    tables: frozenset[str]
    revision: str | None
    app_version: str | None

    @property
    def is_empty(self) -> bool:
        return not self.tables


def alembic_config(*, connection: Connection | None = None, url: str | None = None) -> Config:
    """Build an Alembic configuration for the migrations in this package.

    ``env.py`` runs the migrations on ``connection`` when one is given (the start-up
    path). Otherwise it connects to ``url``, which is how a developer runs Alembic
    commands such as ``revision --autogenerate``.
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url)
    config.attributes["connection"] = connection
    return config


def known_revisions() -> frozenset[str]:
    """Return the ids of every revision in ``versions/`` (this loads Alembic)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(revision.revision for revision in script.walk_revisions())


def read_schema_state(path: Path) -> SchemaState:
    """Read the table names, schema revision and app version of an existing file.

    The file is opened read-only, so a database that is rejected afterwards stays
    unchanged. Raises ``sqlite3.DatabaseError`` when the file is not a SQLite database
    or is damaged.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=30.0)
    try:
        return _read_state(connection.execute)
    finally:
        connection.close()


def check_schema_state(state: SchemaState, path: Path, app_version: str) -> None:
    """Raise StorageError unless this code can open or upgrade a file in ``state``.

    An empty file and a file at a known revision pass. A file of another program and a
    file whose revision is unknown here, written by a newer PEFTT Studio, are rejected.
    """
    if state.is_empty or state.revision == HEAD_REVISION:
        return

    if state.revision is None:
        raise StorageError(
            f"{path} is a SQLite database but not a PEFTT Studio run history (it has no "
            f"alembic_version table). Choose another history file with the "
            f"PEFTT_HISTORY environment variable, or move this file away."
        )

    if state.revision not in known_revisions():
        if state.app_version is None:
            written_by = "a newer PEFTT Studio"
            upgrade_to = "Upgrade PEFTT Studio"
        else:
            written_by = f"PEFTT Studio {state.app_version}"
            upgrade_to = f"Upgrade PEFTT Studio to {state.app_version} or later"
        raise StorageError(
            f"The run history {path} has schema revision {state.revision!r}, written by "
            f"{written_by}. This is PEFTT Studio {app_version}, which supports schema "
            f"revisions up to {HEAD_REVISION!r}. {upgrade_to} to open it. The file was "
            f"not changed."
        )


def upgrade_schema(connection: Connection, path: Path, app_version: str) -> None:
    """Bring the database on ``connection`` to ``HEAD_REVISION`` and record ``app_version``.

    The caller holds the write lock (``BEGIN IMMEDIATE``) and commits. The state is read
    again under that lock because another process may have upgraded the file since
    ``read_schema_state``. Foreign keys must be off on ``connection`` because SQLite
    batch migrations copy a table and drop the old one. With foreign keys on, that drop
    would cascade-delete the rows of every child table.
    """
    from alembic import command

    state = _read_state(connection.exec_driver_sql)
    check_schema_state(state, path, app_version)

    if state.revision != HEAD_REVISION:
        logger.info(
            "Upgrading run history %s from schema revision %s to %s",
            path, state.revision or "(empty)", HEAD_REVISION,
        )
        command.upgrade(alembic_config(connection=connection), "head")

        violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise StorageError(
                f"Upgrading the run history {path} left {len(violations)} rows that "
                f"point at missing runs (first: {violations[0]!r}). The upgrade was "
                f"rolled back and the file is unchanged."
            )

    write_app_version(connection, app_version)


def write_app_version(connection: Connection, app_version: str) -> None:
    """Record ``app_version`` as the PEFTT Studio version that last opened the file."""
    connection.exec_driver_sql(
        "INSERT INTO schema_info (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (APP_VERSION_KEY, app_version),
    )


def _read_state(execute: Callable[..., Any]) -> SchemaState:
    # execute is sqlite3.Connection.execute or sqlalchemy's Connection.exec_driver_sql.
    rows = execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    tables = frozenset(row[0] for row in rows)

    revision = None
    if "alembic_version" in tables:
        row = execute("SELECT version_num FROM alembic_version").fetchone()
        revision = None if row is None else row[0]

    app_version = None
    if "schema_info" in tables:
        row = execute(
            "SELECT value FROM schema_info WHERE key = ?", (APP_VERSION_KEY,)
        ).fetchone()
        app_version = None if row is None else row[0]

    return SchemaState(tables=tables, revision=revision, app_version=app_version)
