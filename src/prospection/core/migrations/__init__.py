"""Alembic migrations of Prospection's schema."""
