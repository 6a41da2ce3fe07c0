"""The Discounts list (指定商品折扣, R-DSC-1/2): synced discounts and queued grants, filtered by
state and searched by listing or buyer, each state a coloured tag (GLOSSARY)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.discounts.queries import DiscountRow, discount_ids, discounts_by_id
from vendor_desktop.domain.discounts import DiscountState, discount_state, zhe
from vendor_desktop.domain.workdays import SHANGHAI
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, is_chinese, server_message
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone, tone

PENDING_PREFIX = "command:"
STATE_COLUMN = 5


def percent_text(percent: int) -> str:
    """The glossary's discount: 八折 in Chinese, "20% off (buyer pays 80%)" in English."""
    if is_chinese():
        return zhe(percent)
    return (
        QCoreApplication.translate("DiscountsViewModel", "%1% off (buyer pays %2%)")
        .replace("%1", str(100 - percent))
        .replace("%2", str(percent))
    )


def percent_hint(percent: int) -> str:
    """The discount with what the buyer pays: 八五折（买家支付 85%）; in English as percent_text."""
    if is_chinese():
        return (
            QCoreApplication.translate("DiscountsViewModel", "%1 (buyer pays %2%)")
            .replace("%1", zhe(percent))
            .replace("%2", str(percent))
        )
    return percent_text(percent)


def state_label(state: DiscountState | str) -> str:
    names = {
        DiscountState.UPCOMING: QCoreApplication.translate("DiscountsViewModel", "Scheduled"),
        DiscountState.ACTIVE: QCoreApplication.translate("DiscountsViewModel", "Active"),
        DiscountState.EXPIRED: QCoreApplication.translate("DiscountsViewModel", "Expired"),
        DiscountState.REVOKED: QCoreApplication.translate("DiscountsViewModel", "Revoked"),
    }
    return names.get(DiscountState(state), str(state))


def state_choices() -> list[tuple[str, str]]:
    """(id, name) of the discount states, for the filter (GLOSSARY order)."""
    return [(s.value, state_label(s)) for s in DiscountState]


def shanghai_minutes(moment: dt.datetime | None) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if moment else ""


def parse_moment(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def buyer_text(account_id: str, name: str | None) -> str:
    if not name:
        return account_id
    return QCoreApplication.translate("DiscountsViewModel", "%1 (%2)").replace("%1", name).replace("%2", account_id)


@dataclass(frozen=True)
class DiscountLine:
    """A row of the Discounts list: a synced discount (and its open revoke), or a queued grant."""

    discount: DiscountRow | None
    command: Command | None  # the queued grant, or the open revocation of ``discount``

    def state(self, now: dt.datetime) -> DiscountState | None:
        """The discount's state by the clock (R-DSC-2: active on [from, until)); None for a grant
        the marketplace has not taken yet."""
        d = self.discount
        if d is None:
            return None
        return discount_state(d.valid_from, d.valid_until, now, revoked=d.state == DiscountState.REVOKED)

    def tags(self, now: dt.datetime) -> list[tuple[str, Tone]]:
        """The discount's state, and its open change (a grant or revocation on its way, or not
        accepted) as a second tag."""
        tags = []
        state = self.state(now)
        if state is not None:
            tags.append((state_label(state), tone("discount", state)))
        if self.command is not None:
            tags.append(
                (_command_tag(self.command, revoke=self.discount is not None), tone("change", self.command.state))
            )
        return tags

    def cells(self, now: dt.datetime) -> list[str]:
        state = " · ".join(text for text, _ in self.tags(now))
        if self.discount is not None:
            d = self.discount
            return [
                d.listing_name or d.listing_id or "",
                buyer_text(d.buyer_account_id or "", d.buyer_name),
                percent_text(d.percent or 0),
                shanghai_minutes(d.valid_from),
                shanghai_minutes(d.valid_until),
                state,
            ]
        s = self.command.summary if self.command else {}
        return [
            str(s.get("listing_name", "")),
            str(s.get("buyer_account_id", "")),
            percent_text(int(s.get("percent", 0))),
            shanghai_minutes(parse_moment(s.get("valid_from"))),
            shanghai_minutes(parse_moment(s.get("valid_until"))),
            state,
        ]

    def notice(self) -> str:
        """The open change in a sentence (the state cell's tooltip): the marketplace's reason
        when it did not accept it."""
        c = self.command
        if c is None:
            return ""
        if c.state == CommandState.REJECTED:
            reason = server_message(c.error_message or "", c.error_message_zh or "") or c.error_code or ""
            return QCoreApplication.translate(
                "DiscountsViewModel", "The marketplace did not accept this change: %1"
            ).replace("%1", reason)
        if c.state == CommandState.HELD:
            return QCoreApplication.translate(
                "DiscountsViewModel",
                "Waits for an earlier change of this discount that the marketplace did not accept.",
            )
        if self.discount is not None:
            return QCoreApplication.translate(
                "DiscountsViewModel", "Revoking this discount is waiting to be sent to the marketplace."
            )
        return QCoreApplication.translate(
            "DiscountsViewModel", "This discount is waiting to be sent to the marketplace."
        )

    @property
    def change_state(self) -> str | None:
        if self.command is None:
            return None
        return "rejected" if self.command.state in (CommandState.REJECTED, CommandState.HELD) else "pending"


def _command_tag(command: Command, *, revoke: bool) -> str:
    if command.state == CommandState.REJECTED:
        return (
            QCoreApplication.translate("DiscountsViewModel", "Revocation not accepted")
            if revoke
            else QCoreApplication.translate("DiscountsViewModel", "Not accepted")
        )
    if command.state == CommandState.HELD:
        return QCoreApplication.translate("DiscountsViewModel", "Waiting for an earlier change")
    return (
        QCoreApplication.translate("DiscountsViewModel", "Revocation waiting to send")
        if revoke
        else QCoreApplication.translate("DiscountsViewModel", "Waiting to send")
    )


def _grant_matches(command: Command, text: str, states: Sequence[str], now: dt.datetime) -> bool:
    """A queued grant under the list's search and state filter: its state is the one its period
    will give it once the marketplace takes it."""
    s = command.summary or {}
    if text:
        folded = text.casefold()
        if not any(folded in str(s.get(k, "")).casefold() for k in ("listing_name", "buyer_account_id")):
            return False
    if states:
        start, until = parse_moment(s.get("valid_from")), parse_moment(s.get("valid_until"))
        if start is None or until is None or discount_state(start, until, now).value not in states:
            return False
    return True


class DiscountsTableModel(PagedTableModel[DiscountLine]):
    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.text = ""
        self.states: tuple[str, ...] = ()
        self.now = dt.datetime.now(dt.UTC)
        super().__init__(None, self._lines, parent)

    @property
    def filtered(self) -> bool:
        return bool(self.text or self.states)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        text, states = self.text, self.states  # the search and filter as they are now

        def load() -> list[str]:
            now = dt.datetime.now(dt.UTC)
            with self._db.session() as session:
                grants = outbox.open_commands_of_kind(session, "discount.create")
                ids = discount_ids(session, text=text, states=states, now=now)
            shown = [c for c in reversed(grants) if _grant_matches(c, text, states, now)]
            return [f"{PENDING_PREFIX}{c.id}" for c in shown] + ids

        return load

    def apply_ids(self, ids: Sequence[str], rows: dict[str, DiscountLine] | None = None) -> None:
        self.now = dt.datetime.now(dt.UTC)  # states follow the clock (R-DSC-2: active on [from, until))
        super().apply_ids(ids, rows)

    def _lines(self, ids: Sequence[str]) -> dict[str, DiscountLine]:
        command_ids = {int(i.removeprefix(PENDING_PREFIX)) for i in ids if i.startswith(PENDING_PREFIX)}
        discount_ids_ = [i for i in ids if not i.startswith(PENDING_PREFIX)]
        with self._db.session() as session:
            grants = {c.id: c for c in outbox.open_commands_of_kind(session, "discount.create") if c.id in command_ids}
            discounts = discounts_by_id(session, discount_ids_)
            revokes = outbox.open_commands_for(session, "discount", discount_ids_)
        lines = {f"{PENDING_PREFIX}{cid}": DiscountLine(None, c) for cid, c in grants.items()}
        for i, d in discounts.items():
            open_revokes = [c for c in revokes.get(i, []) if c.kind == "discount.revoke"]
            lines[i] = DiscountLine(d, open_revokes[-1] if open_revokes else None)
        return lines

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("DiscountsViewModel", "Listing"),
            QCoreApplication.translate("DiscountsViewModel", "Buyer"),
            QCoreApplication.translate("DiscountsViewModel", "Discount"),
            QCoreApplication.translate("DiscountsViewModel", "Valid from"),
            QCoreApplication.translate("DiscountsViewModel", "Valid until"),
            QCoreApplication.translate("DiscountsViewModel", "State"),
        ]

    def display(self, row: DiscountLine, column: int) -> Any:
        return row.cells(self.now)[column]

    def cells(self, row: DiscountLine) -> list[Any]:
        return list(row.cells(self.now))

    def row_data(self, row: DiscountLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text where a narrow column cuts it
            if column == STATE_COLUMN and row.command is not None:
                return f"{self.display(row, column)}\n{row.notice()}"
            return self.display(row, column)
        if role == CHANGE_ROLE:
            return row.change_state
        if role == TAGS_ROLE and column == STATE_COLUMN:
            return row.tags(self.now)
        return None
