"""Chart views: each is a function of plain parameters returning a ``View`` (figure, footer,
data shown, summary). Pages render views with ``dashboard.panel.chart_panel``; exports and chart
packs build the same views from the same parameters a permalink holds, without a browser.

Modules in this package register their views with ``@register("name")``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

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


REGISTRY: dict[str, Callable[..., View]] = {}


def register(name: str) -> Callable[[Callable[..., View]], Callable[..., View]]:
    def decorate(function: Callable[..., View]) -> Callable[..., View]:
        if name in REGISTRY:
            raise ValueError(f"view {name!r} is registered twice")
        REGISTRY[name] = function
        return function

    return decorate


def load_all() -> dict[str, Callable[..., View]]:
    """Import every view module so that all views are registered."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return REGISTRY
