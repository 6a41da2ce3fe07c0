"""The sandbox marketplace backend: a real FastAPI server implementing API.md over its own database.

Public entry points: ``server.create_app`` (the ASGI app), ``embedded.EmbeddedSandbox`` (run it in a
thread of the desktop app or a test) and ``python -m vendor_desktop.sandbox`` (run it alone).
"""
