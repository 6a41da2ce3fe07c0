"""What every area's cache shares: the file, its tables, applying server changes, the outbox."""
