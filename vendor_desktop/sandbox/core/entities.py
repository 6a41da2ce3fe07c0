"""How each synced entity looks on the wire (``data`` of a change, API.md "Sync"): the entity kinds,
each registered beside its table by the area that owns it, and the envelope and bulk load they share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.domain.synced import fields


def synced_reader(entity: str) -> Callable[[Any], dict[str, Any]]:
    """A row's declared synced fields (``domain.synced``, the one place that names them), in wire
    order, read from the row's same-named attributes; a serializer then adjusts the few that are
    not plain copies."""
    names = fields(entity)
    get = attrgetter(*names)
    return lambda row: dict(zip(names, get(row), strict=True))


@dataclass(frozen=True)
class EntityKind:
    """One synced entity type: its name on the wire, its table, primary-key column and serializer.

    ``read_ids``: for a kind whose read state is per user (a message, SPEC §11), the ids among some
    that this user has read; each user's copy then carries its own ``read``.

    ``view``: for a kind some roles see less of (the bank account's number, SPEC §11), the data as
    a role sees it; ``None`` for the role means "not known", and gets the narrowest view."""

    name: str
    model: type
    pk: Any
    serialize: Callable[[Any], dict[str, Any]]
    read_ids: Callable[[Session, str, Iterable[str]], set[str]] | None = None
    view: Callable[[dict[str, Any], str | None], dict[str, Any]] | None = None


# entity name → its kind, in the order the areas registered them
_ENTITIES: dict[str, EntityKind] = {}


def register(kind: EntityKind) -> EntityKind:
    """Make an entity kind known to the change log, sync and every envelope (its area's models do)."""
    _ENTITIES[kind.name] = kind
    return kind


def synced_entities() -> tuple[str, ...]:
    """The entity types this sandbox syncs so far."""
    return tuple(_ENTITIES)


def _as_read_by(version: int, data: dict[str, Any], read: bool) -> tuple[int, dict[str, Any]]:
    # A user's copy of a message is one version further once they read it: the client applies
    # the newer version, and every user's versions only ever grow.
    return (version + 1, {**data, "read": True}) if read else (version, data)


def get(s: Session, entity: str, entity_id: str) -> Any | None:
    """One entity's row by its kind's name, or None: how one area reads another's entity by id (a
    discount its listing) without importing that area."""
    return s.get(_ENTITIES[entity].model, entity_id)


#: Kinds with one entity per vendor: their id is the account id (API.md, domain/synced.py).
PER_VENDOR = frozenset({"vendor_profile", "deposit", "bank_account"})


def entity_id(entity: str, row: Any) -> str:
    return row.account_id if entity in PER_VENDOR else row.id


def envelope(entity: str, row: Any, *, read: bool = False, role: str | None = None) -> dict[str, Any]:
    """``{"entity", "id", "version", "data"}``: what a command's 2xx answer carries (API.md).
    ``read``: for a message (a kind with ``read_ids``), whether the caller has read it; ``role``:
    the caller's, for a kind with a ``view``."""
    kind = _ENTITIES[entity]
    version, data = row.version, kind.serialize(row)
    if kind.view is not None:
        data = kind.view(data, role)
    if kind.read_ids is not None:
        version, data = _as_read_by(version, data, read)
    return {"entity": entity, "id": entity_id(entity, row), "version": version, "data": data}


def load(
    s: Session, entity: str, ids: Iterable[str], user_id: str, role: str | None = None
) -> dict[str, tuple[int, dict[str, Any]]]:
    """Current (version, data) of these entities as ``user_id`` (of ``role``) sees them; missing
    ids are simply absent (deleted)."""
    kind = _ENTITIES[entity]
    model, pk, serialize = kind.model, kind.pk, kind.serialize
    if kind.view is not None:
        view, plain = kind.view, serialize
        serialize = lambda row: view(plain(row), role)  # noqa: E731
    wanted = list(dict.fromkeys(ids))
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    # Chunked: SQLite caps bound parameters per statement.
    for start in range(0, len(wanted), 500):
        # Core rows (attribute access like the ORM objects) skip ORM instance building: ~2× faster.
        rows = s.execute(select(model.__table__).where(pk.in_(wanted[start : start + 500])))
        for row in rows:
            found[entity_id(entity, row)] = (row.version, serialize(row))
    if kind.read_ids is not None:
        read = kind.read_ids(s, user_id, found)
        found = {i: _as_read_by(v, d, i in read) for i, (v, d) in found.items()}
    return found
