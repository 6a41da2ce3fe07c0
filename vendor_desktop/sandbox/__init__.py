"""The sandbox marketplace backend: a real FastAPI server implementing API.md over its own database.

Public entry points: ``server.create_app`` (the ASGI app), ``embedded.EmbeddedSandbox`` (run it in a
thread of the desktop app or a test) and ``python -m vendor_desktop.sandbox`` (run it alone).

``core/`` holds what every area shares; each area (``orders/``, ``listings/``, ``discounts/``,
``messages/``, and ``controls/`` for ``/sandbox/*``) is a package beside it, with its tables, rules,
routes, request bodies, demo rows and error codes. ``server.py`` registers the areas' routes and
``core/database.py`` their tables.
"""
