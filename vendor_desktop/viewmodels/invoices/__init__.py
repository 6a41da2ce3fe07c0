"""The Invoices area (发票管理): list, detail, actions and export (issue 12)."""
