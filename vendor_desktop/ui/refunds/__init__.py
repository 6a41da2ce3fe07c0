"""The Refunds area (退款), SPEC §5."""
