"""In-app messages (站内信) and the vendor profile, read from the cache."""
