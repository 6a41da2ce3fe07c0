"""What the Listings detail pane shows for one listing: a rejection to act on first, then every
field in rows — and, while an on-sale listing has changes (a revision, R-LST-5), the live value
beside the changed one with the fields that differ marked, so nobody has to find them by eye.

R-LST-3: a rejected listing (审核未通过) shows its reason (驳回原因) at the top with the way out
(edit and resubmit); a rejected revision of an on-sale listing the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.listings.queries import ListingRow
from vendor_desktop.domain.listings import ListingState
from vendor_desktop.viewmodels.core.labels import billing_mode_label, market_label, price_with_unit
from vendor_desktop.viewmodels.core.states import Tone
from vendor_desktop.viewmodels.listings.listing_editor import CONFIG_FIELDS, config_label
from vendor_desktop.viewmodels.listings.prices import MODES
from vendor_desktop.viewmodels.listings.table import delivery_label, due_text, listing_tags

# Long texts (description, agreement) are cut here in the pane; the editor shows them whole.
LONG_TEXT = 300
MISSING = "—"


@dataclass(frozen=True)
class FieldLine:
    """One field of the listing: its live value, and its value in the changes when there are any."""

    key: str
    label: str
    live: str
    changed_value: str | None = None  # None: no changes pending on this listing
    changed: bool = False


@dataclass(frozen=True)
class Rejection:
    """The marketplace's review refused the listing (or its changes): why, and what to do."""

    title: str
    reason: str
    of_changes: bool  # the changes of an on-sale listing, not the listing itself


@dataclass(frozen=True)
class ListingDetail:
    name: str
    tags: list[tuple[str, Tone]]
    facts: list[tuple[str, str]]  # review due, security review
    lines: list[FieldLine]
    rejection: Rejection | None = None
    changes_title: str = ""  # the heading of the changes column; "" when there are none
    changed_keys: list[str] = field(default_factory=list)


def revision_content(listing: ListingRow) -> dict[str, Any] | None:
    """The listing as it would be with its changes (R-LST-5), or None when it has none."""
    revision = listing.revision
    if not revision:
        return None
    live = listing.content()
    return {**live, **{k: v for k, v in revision.items() if k in live}}


def _config_keys(live: Mapping[str, Any], changed: Mapping[str, Any] | None, delivery: str) -> list[str]:
    known = [k for keys in CONFIG_FIELDS.values() for k in keys]
    ordered = [k for k in CONFIG_FIELDS.get(delivery, ()) if k in known]  # type: ignore[call-overload]
    present = set(live.get("delivery_config") or {}) | set((changed or {}).get("delivery_config") or {})
    return ordered + sorted(present - set(ordered))


def _value(content: Mapping[str, Any], key: str) -> Any:
    if key.startswith("delivery_config."):
        return (content.get("delivery_config") or {}).get(key.split(".", 1)[1])
    return content.get(key)


def changed_fields(live: Mapping[str, Any], changed: Mapping[str, Any]) -> list[str]:
    """The keys whose value differs between the live listing and its changes, in the pane's order
    (``delivery_config.<key>`` for a delivery field)."""
    keys = ["name", "market", "summary", "description", "billing"]
    keys += [f"delivery_config.{k}" for k in _config_keys(live, changed, "")]
    keys.append("agreement")
    return [k for k in keys if _value(live, k) != _value(changed, k)]


def _cut(text: str) -> str:
    text = text.strip()
    if not text:
        return MISSING
    return text if len(text) <= LONG_TEXT else text[:LONG_TEXT].rstrip() + "…"


def _billing_lines(billing: Mapping[str, int]) -> str:
    shown = [price_with_unit(billing[m], m) for m in MODES if m in billing]
    return "\n".join(shown) or MISSING


def _shown(content: Mapping[str, Any], key: str) -> str:
    value = _value(content, key)
    if key == "market":
        return market_label(str(value or "")) or MISSING
    if key == "billing":
        return _billing_lines(value or {})
    if key in ("description", "agreement"):
        return _cut(str(value or ""))
    if key == "delivery_config.quota_per_plan" and isinstance(value, dict):
        return "\n".join(
            QCoreApplication.translate("ListingDetail", "%1: %2 calls")
            .replace("%1", billing_mode_label(m))
            .replace("%2", f"{int(value[m]):,}")
            for m in MODES
            if m in value
        ) or MISSING
    if value is None or value == "":
        return MISSING
    return f"{value:,}" if isinstance(value, int) else str(value)


def _label(key: str) -> str:
    names = {
        "name": QCoreApplication.translate("ListingDetail", "Name"),
        "market": QCoreApplication.translate("ListingDetail", "Market"),
        "summary": QCoreApplication.translate("ListingDetail", "Summary"),
        "description": QCoreApplication.translate("ListingDetail", "Description"),
        "billing": QCoreApplication.translate("ListingDetail", "Prices"),
        "agreement": QCoreApplication.translate("ListingDetail", "Listing service agreement"),
    }
    if key.startswith("delivery_config."):
        return config_label(key.split(".", 1)[1])
    return names.get(key, key)


def changes_title(state: str) -> str:
    """The heading over the changed values: what became of the changes (R-LST-5)."""
    names = {
        ListingState.DRAFT: QCoreApplication.translate("ListingDetail", "Changes (not submitted)"),
        ListingState.IN_REVIEW: QCoreApplication.translate("ListingDetail", "Changes (in review)"),
        ListingState.REJECTED: QCoreApplication.translate("ListingDetail", "Changes (rejected)"),
    }
    return names.get(state, QCoreApplication.translate("ListingDetail", "Changes"))  # type: ignore[call-overload]


def rejection_of(listing: ListingRow) -> Rejection | None:
    """R-LST-3: a rejected listing, or the rejected changes of an on-sale one, with the reason."""
    revision = listing.revision or {}
    if listing.state == ListingState.REJECTED:
        return Rejection(
            QCoreApplication.translate("ListingDetail", "Rejected"),
            listing.reject_reason or QCoreApplication.translate("ListingDetail", "The marketplace gave no reason."),
            of_changes=False,
        )
    if revision.get("state") == ListingState.REJECTED:
        return Rejection(
            QCoreApplication.translate("ListingDetail", "Changes rejected (the listing stays on sale as it was)"),
            str(revision.get("reject_reason") or "")
            or QCoreApplication.translate("ListingDetail", "The marketplace gave no reason."),
            of_changes=True,
        )
    return None


def listing_detail(listing: ListingRow) -> ListingDetail:
    live = listing.content()
    changed = revision_content(listing)
    keys = ["name", "market", "summary", "description", "billing"]
    keys += [f"delivery_config.{k}" for k in _config_keys(live, changed, listing.delivery)]
    keys.append("agreement")
    differ = changed_fields(live, changed) if changed is not None else []
    lines = [
        FieldLine(
            key,
            _label(key),
            _shown(live, key),
            _shown(changed, key) if changed is not None else None,
            key in differ,
        )
        for key in keys
    ]
    facts = [(QCoreApplication.translate("ListingDetail", "Delivery"), delivery_label(listing.delivery))]
    due = due_text(listing)
    if due:
        facts.append((QCoreApplication.translate("ListingDetail", "Review due"), due))
    revision = listing.revision or {}
    if listing.security_review or (revision.get("state") == ListingState.IN_REVIEW and revision.get("security_review")):
        facts.append(
            (
                QCoreApplication.translate("ListingDetail", "Security review"),
                QCoreApplication.translate("ListingDetail", "Image listings pass a security review first."),
            )
        )
    return ListingDetail(
        name=listing.name,
        tags=listing_tags(listing),
        facts=facts,
        lines=lines,
        rejection=rejection_of(listing),
        changes_title=changes_title(str(revision.get("state", ""))) if changed is not None else "",
        changed_keys=differ,
    )
