"""Refunds on the marketplace side (SPEC §5, R-REF-1…5): buyers ask, the rules decide or the vendor does."""
