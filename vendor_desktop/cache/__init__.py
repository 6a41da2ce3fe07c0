"""The local cache (SQLite via SQLAlchemy): everything the app shows is read from here.

``database`` opens and migrates a file, ``apply`` writes server changes, ``orders``,
``messages`` and ``dashboard`` are the queries views use, ``sync_state`` is pull bookkeeping.
Imports only ``vendor_desktop.domain`` (and never Qt).
"""
