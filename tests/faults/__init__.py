"""Network faults for tests: a proxy that loses answers (and, later, delays and cuts them)."""
