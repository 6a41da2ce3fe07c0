"""Invoices (发票管理): the area, its dialogs and the bulk import of tracking numbers."""
