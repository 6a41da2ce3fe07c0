"""In-app messages (站内信)."""
