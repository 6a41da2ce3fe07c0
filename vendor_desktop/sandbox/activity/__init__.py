"""The activity log (操作日志, issue 15): one entry per vendor command, synced as ``activity``."""
