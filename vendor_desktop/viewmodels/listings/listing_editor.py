"""The listing editor (商品编辑): one form for every market, checked as the user types.

R-MKT-1: the market decides the delivery type and so which delivery fields appear. R-DEP-1: the
editor shows the deposit a market requires before the vendor commits to it, and (issue 13, from
the cached deposit summary) what the vendor would still owe to sell there. Saving queues a
command (create, or update with the version it was based on), so a listing can be written
offline; submitting for review is a separate action in the Listings area.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.outbox import new_local_id
from vendor_desktop.cache.listings.queries import ListingRow
from vendor_desktop.domain.listings import (
    IMAGE_SECURITY_REVIEW_WORKING_DAYS,
    REVIEW_WORKING_DAYS,
    ListingState,
    validate_listing,
)
from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.domain.money import MoneyError, parse_yuan
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import market_label
from vendor_desktop.viewmodels.listings.deposit_preview import DepositPaid, deposit_preview
from vendor_desktop.viewmodels.listings.table import rejection_reason


def problem_text(field: str, code: str) -> str:
    """A listing problem (domain code) in the user's language."""
    texts = {
        "required": QCoreApplication.translate("ListingEditor", "Required."),
        "too_long": QCoreApplication.translate("ListingEditor", "Too long."),
        "invalid": QCoreApplication.translate("ListingEditor", "Not valid."),
        "unknown_market": QCoreApplication.translate("ListingEditor", "Choose a market."),
        "https_required": QCoreApplication.translate(
            "ListingEditor", "Must be an https:// address (http is not accepted)."
        ),
        "invalid_url": QCoreApplication.translate("ListingEditor", "Not a web address."),
        "not_positive": QCoreApplication.translate("ListingEditor", "Each quota must be more than 0."),
        "out_of_range": QCoreApplication.translate("ListingEditor", "Between 1 and 720 hours."),
        "price_not_positive": QCoreApplication.translate("ListingEditor", "The price must be more than ¥0.00."),
        "price_too_large": QCoreApplication.translate("ListingEditor", "The price is too large."),
        "not_a_price": QCoreApplication.translate(
            "ListingEditor", "Enter a price in yuan, e.g. 99.00 (two decimals at most)."
        ),
        "unknown_mode": QCoreApplication.translate("ListingEditor", "Unknown billing mode."),
        "agreement_missing": QCoreApplication.translate(
            "ListingEditor", "A listing needs its listing service agreement before it can be submitted."
        ),
    }
    if field == "billing" and code == "required":
        return QCoreApplication.translate("ListingEditor", "Offer at least one billing mode with a price.")
    return texts.get(code, code)


# The delivery configuration each delivery type needs (R-LST-1), in the order the form shows it.
CONFIG_FIELDS: dict[Delivery, tuple[str, ...]] = {
    Delivery.IMAGE: ("image_id", "os"),
    Delivery.SAAS: ("callback_url",),
    Delivery.API: ("base_url", "quota_per_plan"),
    Delivery.MANUAL: ("service_scope", "response_hours"),
}


def config_label(key: str) -> str:
    names = {
        "image_id": QCoreApplication.translate("ListingEditor", "Image ID"),
        "os": QCoreApplication.translate("ListingEditor", "Operating system"),
        "callback_url": QCoreApplication.translate("ListingEditor", "Auto-delivery callback URL"),
        "base_url": QCoreApplication.translate("ListingEditor", "API base URL"),
        "quota_per_plan": QCoreApplication.translate("ListingEditor", "Calls included per plan"),
        "service_scope": QCoreApplication.translate("ListingEditor", "Service scope"),
        "response_hours": QCoreApplication.translate("ListingEditor", "Promised response (hours)"),
    }
    return names.get(key, key)


def deposit_note(market_id: str, deposit: DepositPaid | None = None) -> str:
    """R-DEP-1: what selling in this market requires as deposit (highest-tier rule, R-DEP-3), what
    the vendor would still owe for it when the deposit summary is known (issue 13), and how long
    its review takes (R-LST-4)."""
    market = MARKETS.get(market_id)
    if market is None:
        return ""
    if market.delivery is Delivery.IMAGE:  # R-LST-4: the security review comes first
        review = QCoreApplication.translate(
            "ListingEditor", "Review: a security review (about %1 working days), then up to %2 working days."
        )
        review = review.replace("%1", str(IMAGE_SECURITY_REVIEW_WORKING_DAYS)).replace("%2", str(REVIEW_WORKING_DAYS))
    else:
        review = QCoreApplication.translate("ListingEditor", "Review: up to %1 working days.").replace(
            "%1", str(REVIEW_WORKING_DAYS)
        )
    return f"{deposit_preview(market_id, deposit)}\n{review}"


def market_choices() -> list[tuple[str, str]]:
    """(id, label) for the market choice: the market's name in the current language (GLOSSARY: a
    Chinese screen shows no English, an English screen no Chinese)."""
    return [(m.id, market_label(m.id)) for m in MARKETS.values()]


class ListingEditorViewModel(QObject):
    problems_changed = Signal(dict)  # field → message
    queued = Signal(object)  # ChangeSet, once the draft or edit is on disk
    save_failed = Signal(str)  # it could not be written on this computer: why, in the user's language
    deposit_changed = Signal()  # a pull brought another deposit summary while the editor is open

    def __init__(
        self,
        queue: CommandQueue,
        listing: ListingRow | None = None,
        parent: QObject | None = None,
        *,
        deposit: DepositPaid | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self.listing = listing
        self.problems: dict[str, str] = {}
        # The deposit summary as the Listings area last read it (off the GUI thread); None before
        # the first pull and for the roles that may not read it.
        self.deposit = deposit

    def set_deposit(self, deposit: DepositPaid | None) -> None:
        self.deposit = deposit
        self.deposit_changed.emit()

    def deposit_note(self, market_id: str) -> str:
        """The market's tier, what the vendor would still owe there, and its review time."""
        return deposit_note(market_id, self.deposit)

    @property
    def is_new(self) -> bool:
        return self.listing is None

    @property
    def editing_revision(self) -> bool:
        """R-LST-5: an on-sale listing is edited as a revision; the live version stays on sale."""
        return self.listing is not None and self.listing.state == ListingState.ON_SALE

    def initial(self) -> dict[str, Any]:
        """What the form starts with: the listing (or its revision), or an empty SaaS listing."""
        if self.listing is None:
            return {
                "market": "saas",
                "name": "",
                "summary": "",
                "description": "",
                "billing": {},
                "delivery_config": {},
                "agreement": "",
            }
        content = self.listing.content()
        if self.listing.revision:
            content.update({k: v for k, v in self.listing.revision.items() if k in content})
        return content

    def rejection_reason(self) -> str:
        """R-LST-3: the review's reason when the listing (or its changes) was rejected, else ""."""
        return rejection_reason(self.listing) if self.listing is not None else ""

    def why_read_only(self) -> str:
        if Permission.LISTINGS_WRITE.value not in self._queue.user.permissions:
            return QCoreApplication.translate("ListingEditor", "Your role cannot edit listings.")
        if self.listing is not None and self.listing.state == ListingState.IN_REVIEW:
            return QCoreApplication.translate("ListingEditor", "A listing cannot be edited while it is in review.")
        revision = self.listing.revision if self.listing else None
        if revision and revision.get("state") == "in_review":
            return QCoreApplication.translate("ListingEditor", "Its changes are in review; wait for the result.")
        return ""

    def delivery_of(self, market_id: str) -> Delivery | None:
        market = MARKETS.get(market_id)
        return market.delivery if market else None

    @staticmethod
    def billing_from_text(prices: dict[str, str]) -> tuple[dict[str, int], dict[str, str]]:
        """Typed yuan → fen per checked mode, and a problem per mode that is not a price."""
        billing: dict[str, int] = {}
        problems: dict[str, str] = {}
        for mode, text in prices.items():
            try:
                billing[mode] = parse_yuan(text)
            except MoneyError:
                problems[f"billing.{mode}"] = problem_text(f"billing.{mode}", "not_a_price")
        return billing, problems

    def check(self, fields: dict[str, Any], prices: dict[str, str]) -> dict[str, str]:
        """Field → message, updated as the user types (R-LST-1, R-MKT-2)."""
        billing, problems = self.billing_from_text(prices)
        content = {**fields, "billing": billing}
        for problem in validate_listing(content, for_submit=False):
            problems.setdefault(problem.field, problem_text(problem.field, problem.code))
        if self.listing is not None and fields.get("market") != self.listing.market:
            problems["market"] = QCoreApplication.translate("ListingEditor", "A listing's market cannot change.")
        read_only = self.why_read_only()
        if read_only:
            problems["form"] = read_only
        self.problems = problems
        self.problems_changed.emit(problems)
        return problems

    def save(self, fields: dict[str, Any], prices: dict[str, str]) -> bool:
        """Queue the draft (new) or the edit (existing, If-Match its version). Nothing if invalid."""
        if self.check(fields, prices):
            return False
        billing, _ = self.billing_from_text(prices)
        content = {**fields, "billing": billing}
        summary = {"name": content.get("name"), "market": content.get("market")}
        if self.listing is None:
            self._queue.enqueue(
                self.queued.emit,
                self.save_failed.emit,
                kind="listing.create",
                entity="listing",
                entity_id=new_local_id(),
                base_version=None,
                method="POST",
                path="/listings",
                payload=content,
                summary=summary,
            )
        else:
            update = {k: v for k, v in content.items() if k != "market"}
            self._queue.enqueue(
                self.queued.emit,
                self.save_failed.emit,
                kind="listing.update",
                entity="listing",
                entity_id=self.listing.id,
                base_version=self.listing.version,
                method="PATCH",
                path=f"/listings/{self.listing.id}",
                payload=update,
                summary=summary,
            )
        return True
