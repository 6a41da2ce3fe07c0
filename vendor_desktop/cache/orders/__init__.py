"""Orders (订单管理) and the workbench's figures, read from the cache."""
