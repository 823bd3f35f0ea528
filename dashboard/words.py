"""Small wording helpers for generated sentences."""

from __future__ import annotations

from dashboard import fmt


def the(name: str) -> str:
    """An area's name as it reads mid-sentence: 'the North East', 'London'."""
    return fmt.possessive(name)[: -len("'s")]


def sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def count(n: int, singular: str, plural: str = "") -> str:
    """'1 area', '3 areas', '2 output indicators'; ``plural`` where adding 's' is wrong."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def agree(n: int, singular: str, plural: str) -> str:
    """The verb that agrees with a count: agree(1, 'has', 'have') -> 'has'."""
    return singular if n == 1 else plural
