"""Vendor Center (服务商管理后台): a desktop app for cloud-marketplace vendor staff."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vendor-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
