"""Pure business rules and types shared by the app and the sandbox (no Qt, no I/O)."""
