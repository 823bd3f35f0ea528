"""Pickers that several pages share, so each reads and looks the same everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard import fmt


def level(
    where, options: Sequence[str], current: str, key: str, dropdown: bool = False, **widget_kw
) -> str:
    """A geography-level picker, radio buttons or (``dropdown``) a select box, labelled with the
    names readers know and starting at ``current`` or, if absent, the first option."""
    widget = where.selectbox if dropdown else where.radio
    return widget(
        "Geography",
        list(options),
        index=list(options).index(current) if current in options else 0,
        key=key,
        format_func=fmt.level,
        help=fmt.LEVEL_HELP,
        **widget_kw,
    )
