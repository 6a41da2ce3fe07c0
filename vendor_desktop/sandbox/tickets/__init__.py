"""Tickets (工单), R-TKT-1: the vendor opens, replies, urges, cancels; the marketplace's staff reply and close."""
