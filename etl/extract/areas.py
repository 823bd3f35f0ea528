"""Areas a source names by GSS code, with a geography level read off the code's entity prefix.

The build keeps only the areas its reference lookups lack (counties, newer districts, Great
Britain and the like); the rest resolve through core.geo_alias.
"""

from __future__ import annotations

import pandas as pd

# GSS entity code (first three characters) -> geo_level vocabulary of core.geography.
GSS_LEVELS = {
    "K02": "UK",
    "E92": "Country",
    "W92": "Country",
    "S92": "Country",
    "N92": "Country",
    "E12": "ITL1",
    "E47": "CAUTH",
    "E10": "CTYUA",  # shire county
    "E11": "CTYUA",  # metropolitan county
    "E06": "LAD",  # unitary authority
    "E07": "LAD",
    "E08": "LAD",
    "E09": "LAD",
    "W06": "LAD",
    "S12": "LAD",
    "N09": "LAD",
}


def area_frame(names: dict[str, str]) -> pd.DataFrame:
    """geo_code, geo_name, geo_level for each code -> name; unknown prefixes are 'Other'
    (e.g. K03 Great Britain, K04 England and Wales, E13 Inner and Outer London)."""
    return pd.DataFrame(
        [(code, name, GSS_LEVELS.get(code[:3], "Other")) for code, name in names.items()],
        columns=["geo_code", "geo_name", "geo_level"],
    )
