"""Invoices (发票管理) in the cache: search text and queries."""
