"""Orders (订单管理) and price changes (订单改价)."""
