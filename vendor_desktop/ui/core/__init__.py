"""What every screen shares: binding, widgets, languages, the shell's dialogs."""
