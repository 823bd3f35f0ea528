"""The indicator catalogue as the warehouse holds it (declared once in etl/indicators/*.yml)."""

from __future__ import annotations

from dashboard.db import query


def indicators() -> dict[str, dict]:
    frame = query("indicators")
    return {row["indicator_id"]: row for row in frame.to_dict("records")}


def indicator(indicator_id: str) -> dict:
    return indicators()[indicator_id]
