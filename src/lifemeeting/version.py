"""The engine version that goes on every receipt."""

from __future__ import annotations

from functools import cache


@cache
def engine_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lifemeeting")
    except PackageNotFoundError:  # running from a checkout without an install
        return "0+unknown"
