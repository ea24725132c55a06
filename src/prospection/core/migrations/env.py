"""Alembic environment: runs on the connection Prospection hands over (no alembic.ini)."""

from alembic import context
from sqlalchemy import Connection, create_engine

from prospection.core.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` on the command line, for autogenerate
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3"
        with create_engine(url).begin() as own:
            _run(own)
    else:
        _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Prospection's migrations run online only.")
run_migrations_online()
