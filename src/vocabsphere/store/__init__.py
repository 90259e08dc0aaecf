"""Storage: the only package that imports SQLAlchemy. Tables, repositories and Alembic migrations."""
