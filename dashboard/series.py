"""Headline series: each catalogue indicator for all persons or, where only a split by sex is
published, one series per sex. A series key is the indicator id, with ``:female`` or ``:male``
appended for a sex split; keys are what the URL's ``indicator`` holds."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from dashboard.catalogue import indicators
from dashboard.db import build_id, query

DEFAULT_LEVEL = "ITL1"


@dataclass(frozen=True)
class Series:
    key: str
    indicator_id: str
    sex: str
    meta: dict = field(compare=False, hash=False)

    @property
    def label(self) -> str:
        suffix = f" ({self.sex})" if self.sex != "all" else ""
        return f"{self.meta['short_title']}{suffix}"

    @property
    def title(self) -> str:
        suffix = f", {self.sex}" if self.sex != "all" else ""
        return f"{self.meta['title']}{suffix}"

    def __getattr__(self, name: str):
        """Catalogue fields: unit, decimals, polarity, theme, definition, caveats, ..."""
        try:
            return self.__dict__["meta"][name]
        except KeyError:
            raise AttributeError(name) from None


def all_series() -> dict[str, Series]:
    """Every series with data, in catalogue order (theme, then indicator)."""
    return _all_series(build_id())


def headline_series() -> dict[str, Series]:
    """The series the catalogue marks as headline (not a percentile, mean or variant of another),
    for views that show every indicator at once: profile cards and the scorecard."""
    return {key: s for key, s in all_series().items() if s.headline}


@st.cache_resource(max_entries=2)
def _all_series(build: str) -> dict[str, Series]:
    """Built once per warehouse build; Series are immutable, so sharing one copy is safe."""
    catalogue = indicators()
    present = query("series_headline")
    out = {}
    for indicator_id, meta in catalogue.items():
        for sex in present.loc[present["indicator_id"] == indicator_id, "sex"]:
            key = indicator_id if sex == "all" else f"{indicator_id}:{sex}"
            out[key] = Series(key, indicator_id, sex, meta)
    return out


def levels(series: Series) -> list[str]:
    return query("series_levels", series.indicator_id, series.sex)["geo_level"].tolist()


def default_level(options: list[str]) -> str:
    return DEFAULT_LEVEL if DEFAULT_LEVEL in options else options[0]


def level_values(series: Series, level: str) -> pd.DataFrame:
    """All areas of a level plus the UK, every period."""
    return query("series_level_values", series.indicator_id, series.sex, level)
