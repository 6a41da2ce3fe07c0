"""The Invoices area (发票管理): the page and its dialogs."""
