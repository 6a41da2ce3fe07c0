"""Talking to the marketplace backend: API client, sign-in and keychain, outbox sender (push),
pull into the cache.

Pure Python (no Qt): the app runs ``SyncEngine.sync_once`` on a worker thread. Imports only
``vendor_desktop.domain`` and ``vendor_desktop.cache``.
"""
