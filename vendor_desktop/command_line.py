"""The command line of ``vendor-desktop`` (and of ``--self-test``)."""

from __future__ import annotations

import argparse

import vendor_desktop
from vendor_desktop.ui.core.i18n import LANGUAGES


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vendor-desktop", description="Vendor Center (服务商管理后台)")
    parser.add_argument(
        "--backend",
        metavar="URL",
        help="a marketplace backend, e.g. https://market.example.com (default: the embedded sandbox)",
    )
    parser.add_argument("--sandbox", action="store_true", help="run on the embedded sandbox with demo data")
    parser.add_argument("--language", choices=sorted(LANGUAGES), help="zh_CN or en (default: system locale)")
    parser.add_argument("--data-dir", metavar="DIR", help="where caches and the sandbox database live")
    parser.add_argument("--version", action="version", version=vendor_desktop.__version__)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start the demo, sync, open every area, send one change, then exit 0 (or 1 with the first failure)",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds the self-test may take (default 120)")
    return parser.parse_args(argv)
