"""Chart views: each is a function of plain parameters returning a ``View`` (figure, footer,
data shown, summary). Pages render views with ``dashboard.panel.chart_panel``; exports and chart
packs build the same views from the same parameters a permalink holds, without a browser.

Modules in this package register their views with ``@register("name")``. A view is built once
per set of parameters and warehouse build, then shared by every session: callers must treat it
as read-only (``dashboard.footer.apply`` and the exports work on copies).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import footer as footers
from dashboard.db import build_id
from dashboard.footer import Footer


@dataclass
class View:
    name: str  # registry name, e.g. "ranked"
    params: dict[str, str]  # the plain parameters that reproduce it (also the permalink state)
    figure: go.Figure
    footer: Footer
    data: pd.DataFrame  # exactly the data drawn, with readable column names
    summary: str  # plain-language sentence: shown under the chart, alt text, in exports
    notices: list[str] = field(default_factory=list)

    @functools.cached_property
    def screen_figure(self) -> go.Figure:
        """The figure with its title and footer baked in, as drawn on screen."""
        return footers.apply(self.figure, self.footer)


REGISTRY: dict[str, Callable[..., View]] = {}


def register(name: str) -> Callable[[Callable[..., View]], Callable[..., View]]:
    def decorate(function: Callable[..., View]) -> Callable[..., View]:
        if name in REGISTRY:
            raise ValueError(f"view {name!r} is registered twice")
        REGISTRY[name] = function

        @functools.wraps(function)
        def shared(*args: object, **kwargs: object) -> View:
            return _build(name, args, tuple(sorted(kwargs.items())), build_id())

        return shared

    return decorate


@st.cache_resource(max_entries=128, show_spinner=False)
def _build(name: str, args: tuple, kwargs: tuple, build: str) -> View:
    view = REGISTRY[name](*args, **dict(kwargs))
    view.screen_figure  # noqa: B018 - built here, once, rather than on every render
    return view


def load_all() -> dict[str, Callable[..., View]]:
    """Import every view module so that all views are registered."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return REGISTRY


def clear_cache() -> None:
    """Forget every built view, e.g. to time building them."""
    _build.clear()
