"""Alembic migrations of the store, run by :func:`barraiser.store.migrate`."""
