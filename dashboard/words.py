"""Small wording helpers for generated sentences."""

from __future__ import annotations

from dashboard import fmt


def the(name: str) -> str:
    """An area's name as it reads mid-sentence: 'the North East', 'London'."""
    return fmt.possessive(name)[: -len("'s")]


def sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]
