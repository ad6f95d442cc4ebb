"""The engine version that goes on every receipt."""

from __future__ import annotations

import os
import sys
from functools import cache


@cache
def engine_version() -> str:
    found = _from_dist_info()
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version  # ~40 ms to import: only when the above fails

    try:
        return version("lifemeeting")
    except PackageNotFoundError:  # running from a checkout without an install
        return "0+unknown"


def _from_dist_info() -> str | None:
    """The ``Version:`` of the first ``lifemeeting-*.dist-info`` on ``sys.path``, as ``importlib.metadata`` finds it."""
    for entry in sys.path:
        try:
            names = [n for n in os.listdir(entry or ".") if n.startswith("lifemeeting-") and n.endswith(".dist-info")]
        except OSError:
            continue
        for name in sorted(names):
            try:
                with open(os.path.join(entry or ".", name, "METADATA"), encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break  # the headers ended
            except OSError:
                continue
    return None
