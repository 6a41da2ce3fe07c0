"""The Tickets area (工单), R-TKT-1."""
