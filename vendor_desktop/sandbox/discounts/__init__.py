"""Buyer discounts (指定商品折扣): a discount for one buyer on one listing over a period (R-DSC-*)."""
