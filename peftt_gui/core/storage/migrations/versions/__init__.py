"""Alembic revisions of the run history schema, one file each (Alembic skips this file)."""
