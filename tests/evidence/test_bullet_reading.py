"""Bullets map to zero or more competencies; the head abstains instead of forcing one."""

from __future__ import annotations

import numpy as np

from pm_origins.evidence import SentenceEncoder
from pm_origins.evidence.bullets import (
    COMPETENCY_IDS,
    LABELS,
    BulletHead,
    BulletReader,
    bundled_cues,
)


def test_clear_bullets_get_their_competency(encoder: SentenceEncoder) -> None:
    reader = BulletReader(encoder)

    readings = reader.read(
        [
            "Interviewed 30 dairy farmers to learn how they track herd health.",
            "Wrote SQL in Redshift to build a weekly retention report.",
            "Closed $2.4M in new business across 18 hospital accounts.",
        ]
    )

    assert [r.competencies[0].id for r in readings] == ["research", "analytics", "relationships"]
    assert all(0 < c.score <= 1 for r in readings for c in r.competencies)


def test_a_bullet_that_fits_no_competency_is_abstained_on(encoder: SentenceEncoder) -> None:
    readings = BulletReader(encoder).read(["Keen amateur astronomer and member of a choir."])

    assert readings[0].abstained
    assert readings[0].competencies == ()


def test_no_bullets_costs_nothing(encoder: SentenceEncoder) -> None:
    assert BulletReader(encoder).read([]) == []


def test_a_weak_winner_is_abstained_on_and_a_strong_runner_up_is_named_too() -> None:
    head = BulletHead(np.zeros((1, 7)), np.zeros(7), threshold=0.5)
    weak = np.full((1, 7), 0.1)
    weak[0, 0] = 0.4
    mixed = np.zeros((1, 7))
    mixed[0, LABELS.index("ux")] = 0.6
    mixed[0, LABELS.index("research")] = 0.3
    mixed[0, LABELS.index("analytics")] = 0.1

    assert head.competencies(weak) == [()]
    named = head.competencies(mixed)[0]
    assert [c.id for c in named] == ["ux", "research"]


def test_none_as_the_likeliest_label_always_abstains() -> None:
    head = BulletHead(np.zeros((1, 7)), np.zeros(7), threshold=0.1)
    row = np.zeros((1, 7))
    row[0, LABELS.index("none")] = 0.55
    row[0, 0] = 0.45

    assert head.competencies(row) == [()]


def test_cues_match_whole_words_prefixes_phrases_and_hyphenated_forms() -> None:
    lexicon = bundled_cues()
    column = {c: i for i, c in enumerate(COMPETENCY_IDS)}

    counts = lexicon.counts("Ran A/B tests; built mock-ups; interviewed users")
    platform = lexicon.counts("Platform")

    assert counts[column["analytics"]] >= 1  # "a/b"
    assert counts[column["ux"]] >= 1  # "mock up*" through the hyphen
    assert counts[column["research"]] >= 1  # "interview*"
    assert platform[column["ux"]] == 0  # "form" is a whole word, not inside "platform"
