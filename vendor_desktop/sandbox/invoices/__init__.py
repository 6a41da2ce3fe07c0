"""Invoices (发票管理): buyers' invoice requests, issuing, posting and corrections (R-INV-*)."""
