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


def annual_totals(records: list[tuple], indicator: str):
    """Tidy observations from (geo_code, year, value, status) records of an all-industries,
    all-persons calendar-year series."""
    import datetime as dt

    import pandas as pd  # imported here so `python -m etl status` starts without pandas

    frame = pd.DataFrame(records, columns=["geo_code", "year", "value", "status"])
    frame["indicator_id"] = indicator
    frame["industry_code"] = "Total"
    frame["sex"] = "all"
    frame["period"] = frame["year"].astype(str)
    frame["period_start"] = [dt.date(y, 1, 1) for y in frame["year"]]
    frame["lci_95"] = None
    frame["uci_95"] = None
    return frame[OBSERVATION_COLUMNS]
