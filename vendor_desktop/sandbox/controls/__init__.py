"""The marketplace side (/sandbox/*): the operator's controls that play buyers and review, and the demo data."""
