"""Pending changes (待发送的修改)."""
