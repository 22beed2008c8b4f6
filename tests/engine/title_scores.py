"""Scores of the title matcher on the team's labelled titles (tests/data/titles.csv).

Run `python -m tests.engine.title_scores [tune|heldout]` for the figures in
docs/PERFORMANCE.md; tests/engine/test_title_accuracy.py holds the floors.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pm_origins.engine import TitleMatch, TitleMatcher
from pm_origins.framework import Framework, normalise_alias

DATA = Path(__file__).resolve().parent.parent / "data" / "titles.csv"
NONE = "none"
PRODUCT = "product"


@dataclass(frozen=True)
class LabelledTitle:
    title: str
    expected: str  # an origin id, "product" or "none"
    language: str
    split: str  # "tune" or "heldout"


def labelled_titles(split: str | None = None) -> list[LabelledTitle]:
    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    rows = [LabelledTitle(**row) for row in csv.DictReader(lines)]
    return [r for r in rows if split is None or r.split == split]


def predicted(match: TitleMatch) -> str:
    """What a reading says: the origin with the largest share, "product", or "none"."""
    if match.kind == PRODUCT:
        return PRODUCT
    if not match.shares:
        return NONE
    return max(sorted(match.shares), key=match.shares.__getitem__)


def is_alias(framework: Framework, title: str) -> bool:
    """True when the title is, word for word, an alias, product title or other job."""
    rules = framework.titles
    known = {
        normalise_alias(a)
        for a in (
            *(a for o in framework.origins for a in (o.name, *o.aliases)),
            rules.product.name,
            *rules.product.aliases,
            *rules.other_titles,
        )
    }
    return normalise_alias(title) in known


@dataclass(frozen=True)
class TitleScores:
    count: int
    accuracy: float
    macro_f1: float  # over every label, "none" included
    abstain_rate: float  # titles of a real origin or product left unplaced
    false_placements: tuple[str, ...]  # titles that fit no origin but were placed
    wrong: tuple[tuple[str, str, str], ...]  # (title, expected, predicted)


def score(matcher: TitleMatcher, rows: list[LabelledTitle]) -> TitleScores:
    pairs = [(r, predicted(matcher.match(r.title))) for r in rows]
    labels = sorted({r.expected for r in rows} | {p for _, p in pairs})
    f1s = []
    for label in labels:
        tp = sum(1 for r, p in pairs if p == label and r.expected == label)
        fp = sum(1 for r, p in pairs if p == label and r.expected != label)
        fn = sum(1 for r, p in pairs if p != label and r.expected == label)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    placeable = [p for r, p in pairs if r.expected != NONE]
    return TitleScores(
        count=len(rows),
        accuracy=sum(1 for r, p in pairs if p == r.expected) / len(rows),
        macro_f1=sum(f1s) / len(f1s),
        abstain_rate=sum(1 for p in placeable if p == NONE) / len(placeable) if placeable else 0.0,
        false_placements=tuple(r.title for r, p in pairs if r.expected == NONE and p != NONE),
        wrong=tuple((r.title, r.expected, p) for r, p in pairs if p != r.expected),
    )


def main(split: str) -> None:
    from pm_origins.evidence.titles import title_matcher
    from pm_origins.framework import load_framework

    framework = load_framework()
    rows = labelled_titles(split)
    subsets = {
        "all": rows,
        "not word for word an alias": [r for r in rows if not is_alias(framework, r.title)],
        "English": [r for r in rows if r.language == "en"],
        "de/fr/es/pt/nl": [r for r in rows if r.language != "en"],
        "fits no origin": [r for r in rows if r.expected == NONE],
    }
    for semantic in (False, True):
        matcher = title_matcher(framework, semantic=semantic)
        print(f"## {split}, {'rules + semantic' if semantic else 'rules only'}")
        for name, subset in subsets.items():
            s = score(matcher, subset)
            print(
                f"{name}: n={s.count} accuracy={s.accuracy:.3f} macro-F1={s.macro_f1:.3f} "
                f"abstain={s.abstain_rate if name != 'fits no origin' else float('nan'):.3f} "
                f"false placements={len(s.false_placements)}"
            )
        print("by label:", dict(Counter(r.expected for r in rows)))
        for title, expected, got in score(matcher, rows).wrong:
            print(f"  wrong: {title!r} expected {expected}, got {got}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tune")
