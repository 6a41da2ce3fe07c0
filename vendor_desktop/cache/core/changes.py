"""What a pull or a command changed: entity name → ids, broadcast once to the viewmodels."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class ChangeSet:
    """Entity name → set of ids that were inserted, updated or deleted.

    Viewmodels mark themselves stale for the entities they show and reload only what is visible
    (DESIGN "Operations report what changed").
    """

    def __init__(self) -> None:
        self._ids: dict[str, set[str]] = {}

    def add(self, entity: str, id: str) -> None:
        self._ids.setdefault(entity, set()).add(id)

    def add_many(self, entity: str, ids: Iterable[str]) -> None:
        ids = set(ids)
        if ids:
            self._ids.setdefault(entity, set()).update(ids)

    def merge(self, other: ChangeSet) -> ChangeSet:
        """Add everything ``other`` holds; returns self so merges chain."""
        for entity, ids in other._ids.items():
            self.add_many(entity, ids)
        return self

    def entities(self) -> frozenset[str]:
        return frozenset(self._ids)

    def ids(self, entity: str) -> frozenset[str]:
        return frozenset(self._ids.get(entity, ()))

    def __contains__(self, entity: object) -> bool:
        return entity in self._ids

    def __bool__(self) -> bool:
        return bool(self._ids)

    def __len__(self) -> int:
        """How many (entity, id) pairs changed."""
        return sum(len(ids) for ids in self._ids.values())

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for entity, ids in self._ids.items():
            for id_ in ids:
                yield entity, id_

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChangeSet) and self._ids == other._ids

    def __repr__(self) -> str:
        counts = ", ".join(f"{e}: {len(i)}" for e, i in sorted(self._ids.items()))
        return f"ChangeSet({counts})"
