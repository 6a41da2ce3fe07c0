"""Viewmodels: one per screen, QObjects over the cache and sync interfaces (QtCore only)."""
