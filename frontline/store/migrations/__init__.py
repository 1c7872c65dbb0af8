"""Alembic migrations of frontline's store, shipped inside the package (see migrate.py)."""
