"""Orders (订单管理): buyers' orders, their states and price changes (R-ORD-*)."""
