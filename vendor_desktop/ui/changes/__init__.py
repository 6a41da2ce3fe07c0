"""Pending changes (待发送的更改)."""
