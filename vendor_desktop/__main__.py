"""``python -m vendor_desktop`` and the ``vendor-desktop`` console script."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--self-test" in args:
        from vendor_desktop.selftest import main as self_test

        return self_test(args)
    from vendor_desktop.app import run

    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
