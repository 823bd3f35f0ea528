"""Permalinks: a chart's specification (view name and its plain parameters) as a URL and back.

The URL is the page's address with the view's parameters as query parameters plus
``chart=<view name>``; the page reads the parameters it knows (e.g. ``year``), and
``python -m dashboard.pack --permalink URL`` rebuilds exactly the same view from it. Query
parameter names are the URL's vocabulary (``indicator``, ``level``, ``year``, ``area``); a view
function's arguments may use other names, mapped in ``ALIASES`` and ``RANGES``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from dashboard.views import View, load_all

CHART = "chart"
# URL parameter -> the view-function arguments it may fill
ALIASES = {
    "indicator": ("indicator_id",),
    "year": ("period",),
    "area": ("geo_code", "area_code"),
    "areas": ("area_code",),
    "region": ("itl1_code",),
}
RANGES = {"years": ("first", "last")}  # "2010,2021" -> first="2010", last="2021"


class SpecError(ValueError):
    """A specification that does not name a view, or does not fit its parameters."""


@dataclass(frozen=True)
class Spec:
    view: str
    params: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, view: View) -> Spec:
        return cls(view.name, dict(view.params))


def url(spec: Spec, base: str = "") -> str:
    """``base`` is the page's address (e.g. ``http://host:8501/compare``)."""
    return f"{base}?{urlencode({CHART: spec.view, **spec.params})}"


def parse(link: str) -> Spec:
    """The specification a permalink holds (full URL, path with query, or bare query)."""
    query = urlsplit(link).query if "?" in link else link
    params = dict(parse_qsl(query, keep_blank_values=True))
    view = params.pop(CHART, None)
    if not view:
        raise SpecError(f"the link has no {CHART}= parameter naming a view: {link[:200]!r}")
    return Spec(view, params)


def arguments(view: str) -> dict[str, bool]:
    """The view function's arguments, each with whether it is required."""
    signature = inspect.signature(_function(view)).parameters.values()
    return {p.name: p.default is inspect.Parameter.empty for p in signature}


def takes(view: str, name: str) -> bool:
    """Whether the view takes the URL parameter ``name``."""
    return any(a in arguments(view) for a in (name, *ALIASES.get(name, ()), *RANGES.get(name, ())))


def build(spec: Spec) -> View:
    """The view the specification describes. Each URL parameter fills the argument of the same
    name or an alias; one that fills none must be reproduced by the view (e.g. a level derived
    from the area), so a permalink of any view rebuilds a view with the same params."""
    wanted = arguments(spec.view)
    values: dict[str, str] = {}
    unused: dict[str, str] = {}
    for name, value in spec.params.items():
        target = next((a for a in (name, *ALIASES.get(name, ())) if a in wanted), None)
        if name in RANGES and not set(RANGES[name]) - set(wanted):
            values.update(zip(RANGES[name], value.split(","), strict=False))
        elif target:
            values[target] = value
        else:
            unused[name] = value
    missing = [a for a, required in wanted.items() if required and a not in values]
    if missing:
        raise SpecError(
            f"view {spec.view!r} needs {', '.join(missing)} (it takes {', '.join(wanted)})"
        )
    view = _function(spec.view)(**values)
    wrong = {k: v for k, v in unused.items() if view.params.get(k) != v}
    if wrong:
        raise SpecError(
            f"view {spec.view!r} does not take or reproduce {wrong} (its params: {view.params})"
        )
    return view


def _function(view: str):
    registry = load_all()
    if view not in registry:
        raise SpecError(f"no view called {view!r}; views: {', '.join(sorted(registry))}")
    return registry[view]
