"""Markets (类目市场) and their delivery types (交付方式): SPEC §1, R-MKT-1, R-MKT-2."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Delivery(StrEnum):
    """How a listing reaches the buyer; it follows from the market (R-MKT-1)."""

    IMAGE = "image"
    MANUAL = "manual"
    API = "api"
    SAAS = "saas"


class BillingMode(StrEnum):
    """R-MKT-2: pay-as-you-go (按需), monthly (包月), yearly (包年)."""

    PAYG = "payg"
    MONTHLY = "monthly"
    YEARLY = "yearly"


@dataclass(frozen=True)
class Market:
    id: str
    name_zh: str
    name_en: str
    delivery: Delivery
    deposit_tier: int  # R-DEP-1


_TABLE = [
    Market("image", "镜像市场", "Image market", Delivery.IMAGE, 1),
    Market("ops_image_maintenance", "技术运维市场·镜像维护", "Ops: image maintenance", Delivery.MANUAL, 1),
    Market("app_license", "应用授权市场", "Application licences", Delivery.MANUAL, 2),
    Market("api", "API市场", "API market", Delivery.API, 2),
    Market("ops_troubleshooting", "技术运维市场·运维排障", "Ops: troubleshooting", Delivery.MANUAL, 3),
    Market("ops_data_intelligence", "技术运维市场·数据智能", "Ops: data intelligence", Delivery.MANUAL, 3),
    Market("saas", "SaaS市场", "SaaS market", Delivery.SAAS, 3),
    Market("enterprise_butler", "企业管家市场", "Enterprise butler", Delivery.MANUAL, 3),
    Market("custom_service", "定制服务市场", "Custom services", Delivery.MANUAL, 3),
    Market("security", "安全市场", "Security", Delivery.MANUAL, 3),
]

#: Every market, in the order of SPEC §1.
MARKETS: dict[str, Market] = {m.id: m for m in _TABLE}


def market(market_id: str) -> Market:
    """The market with this id; KeyError for an unknown one."""
    return MARKETS[market_id]


def delivery_for(market_id: str) -> Delivery:
    """R-MKT-1: a listing's delivery type follows from its market."""
    return MARKETS[market_id].delivery
