"""Orders (订单管理) and the price-change dialog (订单改价)."""
