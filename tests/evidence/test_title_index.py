"""The semantic index of the framework's titles, with the bundled encoder."""

from __future__ import annotations

from pm_origins.engine.titles import KIND_ORIGIN, OTHER, VIA_SEMANTIC
from pm_origins.evidence import SentenceEncoder
from pm_origins.evidence.titles import SemanticIndex, extra_installed, title_matcher
from pm_origins.framework import Framework


def test_the_index_gives_each_target_its_best_title(
    framework: Framework, encoder: SentenceEncoder
) -> None:
    index = SemanticIndex.for_framework(framework, encoder)
    hits = index.nearest("quality assurance analyst software")
    assert hits[0][0] == "qa"
    assert len({target for target, _, _ in hits}) == len(hits)
    assert [c for _, _, c in hits] == sorted((c for _, _, c in hits), reverse=True)
    assert index.nearest("quality assurance analyst software") is hits  # cached


def test_another_job_is_nearest_to_its_other_job_title(
    framework: Framework, encoder: SentenceEncoder
) -> None:
    hits = SemanticIndex.for_framework(framework, encoder).nearest("dental hygienist")
    assert hits[0][0] == OTHER


def test_the_product_matcher_reads_by_meaning_when_the_rules_cannot(
    framework: Framework,
) -> None:
    assert extra_installed()
    match = title_matcher(framework).match("Analista de qualidade de software")
    assert (match.kind, match.via, match.shares) == (KIND_ORIGIN, VIA_SEMANTIC, {"qa": 1.0})
    assert title_matcher(framework, semantic=False).match(match.title).kind == "unmatched"
