"""Benchmarks of Vendor Center at scale; run ``python -m benchmarks.orders`` (docs/PERFORMANCE.md)."""
