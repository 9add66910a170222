"""Alembic environment of the run history migrations.

Alembic executes this file for every command. ``RunStorage`` passes an open connection
in ``config.attributes["connection"]``. Its transaction belongs to the caller, so
Alembic neither commits nor rolls back. A developer running Alembic commands passes
``sqlalchemy.url`` instead (see ``alembic_config``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from peftt_gui.core.storage.models import Base


def run_migrations() -> None:
    if context.is_offline_mode():
        raise RuntimeError("The run history migrations support only online mode (no --sql).")

    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return

    url = context.config.get_main_option("sqlalchemy.url")
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            _run_on(connection)
            connection.commit()
    finally:
        engine.dispose()


def _run_on(connection: Connection) -> None:
    # render_as_batch makes autogenerate write SQLite-compatible ALTER steps
    # (copy the table, move the rows, drop the old table).
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


# Alembic installs its ``context`` proxy only while it runs this file (checked against
# alembic 1.20). A plain import, such as a test that imports every engine module, must
# not start a migration.
if getattr(context, "_proxy", None) is not None:
    run_migrations()
