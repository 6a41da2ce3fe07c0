"""The bundle's entry point: the same ``main`` as ``vendor-desktop`` and ``python -m vendor_desktop``."""

import sys

from vendor_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
