"""One module per ONS publication layout: raw file -> tidy frame of observations.

Every extractor returns the columns in ``OBSERVATION_COLUMNS``. Geography codes are left as the
source spells them; the build resolves them through the ITL<->GSS crosswalk.
"""

OBSERVATION_COLUMNS = [
    "indicator_id",
    "geo_code",
    "industry_code",
    "sex",
    "period",
    "period_start",
    "value",
    "lci_95",
    "uci_95",
    "status",
]
