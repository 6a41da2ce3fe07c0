"""The profile (R-ACC-1/3) and the bank account (R-ACC-2) as the Account area edits them: their
data and the version an edit is based on (sent as If-Match). One row each per vendor.

Read-only views of the same data elsewhere (the status bar's company name, the Money area's
bank account) use ``cache.messages.queries.vendor_profile`` and ``cache.money.queries``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import Entity, VendorProfile


@dataclass(frozen=True)
class Versioned:
    """An entity's id (the account id for both), its version and its synced data."""

    id: str
    version: int
    data: dict[str, Any]


def profile(session: Session) -> Versioned | None:
    """The vendor profile, or None before the first pull."""
    row = session.scalars(select(VendorProfile).order_by(VendorProfile.id).limit(1)).first()
    return Versioned(row.id, row.version, json.loads(row.data)) if row is not None else None


def bank_account(session: Session) -> Versioned | None:
    """The bank account on file (masked unless the main account pulled it), or None: before the
    first pull, for a role that does not read it (SPEC §11), or when there is none on file."""
    stmt = select(Entity).where(Entity.entity == "bank_account").order_by(Entity.id).limit(1)
    row = session.scalars(stmt).first()
    return Versioned(row.id, row.version, json.loads(row.data)) if row is not None else None
