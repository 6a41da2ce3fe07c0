"""The one declarative base: core's tables and every area's are on its ``MetaData``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

# Timestamps of entities are ISO 8601 strings with the +08:00 offset (API.md): stored as text
# so they round-trip exactly on SQLite and PostgreSQL and sort correctly (one offset for all).
# Token and lockout times are epoch seconds (floats): only compared, never shown.


class Base(DeclarativeBase):
    pass
