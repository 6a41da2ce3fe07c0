"""The local cache (SQLite via SQLAlchemy): everything the app shows is read from here.

``database`` opens and migrates a file, ``apply`` writes server changes, ``orders``,
``discounts``, ``messages`` and ``dashboard`` are the queries views use, ``sync_state`` is pull
bookkeeping, ``outbox`` is the durable queue of the user's commands (``outbox_results``: what
the sender records once the server answered).
Imports only ``vendor_desktop.domain`` (and never Qt).
"""
