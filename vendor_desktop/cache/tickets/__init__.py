"""Tickets in the cache (R-TKT-1): the Tickets area pages and a ticket's conversation."""
