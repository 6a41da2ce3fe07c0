"""What every area of the sandbox shares: app factory, database, sign-in, idempotency, errors, change log, sync."""
