"""The main window built from the area registry: navigation, menus, status bar, saved layout."""
