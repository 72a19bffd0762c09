"""Where team settings persist: SQLAlchemy 2 (async) on SQLite or PostgreSQL, schema kept by Alembic."""
