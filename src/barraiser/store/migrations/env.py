"""Alembic environment, driven by :func:`barraiser.store.migrate` with a live connection.

No ``alembic.ini`` is needed: the caller puts an open connection, already inside the
transaction it wants, in ``config.attributes["connection"]``.  To write the next revision,
against a database migrated to head::

    from alembic import command
    from barraiser.store.db import alembic_config, make_engine

    with make_engine(url).connect() as connection:
        config = alembic_config(connection)
        command.revision(config, "what changed", autogenerate=True, rev_id="0002")

then review the generated file by hand, as autogenerate misses CHECK constraints.
"""

from alembic import context
from sqlalchemy.engine import Connection

from barraiser.store.models import Base

connection = context.config.attributes.get("connection")
if context.is_offline_mode() or not isinstance(connection, Connection):
    raise RuntimeError(
        "Run migrations through barraiser.store.migrate(engine): offline SQL scripts and the "
        "alembic command line without a connection are not supported."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)

with context.begin_transaction():
    context.run_migrations()
