"""Widgets, dialogs and the main window: layout and binding only (no SQL, HTTP or rules)."""
