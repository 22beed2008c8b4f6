"""Fit the bullet head and calibrate its abstain threshold, offline.

    python -m pm_origins.evidence.fitting tests/data/resume_bullets_train.tsv \
        src/pm_origins/evidence/data/bullet_head.npz

The head is a multinomial logistic regression (L2 penalty L2_PENALTY) fitted
by plain full-batch gradient descent from zero weights for a fixed number of
steps, so a refit on the same data gives the same weights. A bullet labelled
with two competencies ("ux+research") is fitted towards MAIN_SHARE of its first
label and the rest spread over the others.

The threshold is chosen on out-of-fold probabilities (FOLDS-fold
cross-validation over the training file only): the one with the best macro-F1
on the bullets answered among those that abstain on at most
MAX_CALIBRATION_ABSTAIN of the bullets that do show a competency.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from pm_origins.evidence.bullets import (
    COMPETENCY_IDS,
    LABELS,
    NONE,
    BulletHead,
    CueLexicon,
    bullet_features,
    bundled_cues,
    softmax,
)
from pm_origins.evidence.encoder import SentenceEncoder, default_encoder

FloatArray = npt.NDArray[np.float64]

L2_PENALTY = 0.01
STEPS = 800
LEARNING_RATE = 0.5
MAIN_SHARE = 0.7
FOLDS = 5
MAX_CALIBRATION_ABSTAIN = 0.10
THRESHOLDS = tuple(round(0.30 + 0.01 * i, 2) for i in range(41))  # 0.30 .. 0.70


@dataclass(frozen=True)
class LabelledBullet:
    labels: tuple[str, ...]  # first = main; ("none",) for a bullet that shows none
    text: str

    @property
    def main(self) -> str:
        return self.labels[0]


def read_labelled_bullets(path: Path) -> list[LabelledBullet]:
    """A TSV of LABELS<TAB>TEXT lines; '#' starts a comment line."""
    bullets = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        labels, sep, text = line.partition("\t")
        parts = tuple(labels.strip().split("+"))
        if not sep or not text.strip() or any(p not in LABELS for p in parts):
            raise ValueError(f"{path}:{number}: expected LABELS<TAB>TEXT with known labels")
        bullets.append(LabelledBullet(parts, text.strip()))
    return bullets


def targets(bullets: Sequence[LabelledBullet]) -> FloatArray:
    out = np.zeros((len(bullets), len(LABELS)))
    for row, bullet in enumerate(bullets):
        columns = [LABELS.index(label) for label in bullet.labels]
        if len(columns) == 1:
            out[row, columns[0]] = 1.0
        else:
            out[row, columns[0]] = MAIN_SHARE
            out[row, columns[1:]] = (1.0 - MAIN_SHARE) / (len(columns) - 1)
    return out


def fit_weights(features: FloatArray, target: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Multinomial logistic regression by full-batch gradient descent (deterministic)."""
    rows, width = features.shape
    weights = np.zeros((width, target.shape[1]))
    bias = np.zeros(target.shape[1])
    for _ in range(STEPS):
        gradient = (softmax(features @ weights + bias) - target) / rows
        weights -= LEARNING_RATE * (features.T @ gradient + L2_PENALTY * weights)
        bias -= LEARNING_RATE * gradient.sum(axis=0)
    return weights, bias


@dataclass(frozen=True)
class BulletScores:
    """How well a head reads labelled bullets."""

    accuracy: float  # main label right, among the competency bullets answered
    macro_f1: float  # over the six competencies, on the bullets answered
    abstain_rate: float  # share of competency bullets abstained on
    none_abstain_rate: float  # share of "none" bullets abstained on (higher is better)
    overall_abstain_rate: float  # share of all bullets abstained on
    answered: int
    total: int


def score_readings(
    bullets: Sequence[LabelledBullet], named: Sequence[Sequence[str]]
) -> BulletScores:
    """Compare each bullet's main label with the first competency named (if any).

    A "none" bullet that is answered counts as a false positive for the
    competency named; an abstained competency bullet is left out of the F1.
    """
    truth = [b.main for b in bullets]
    answered = [bool(n) for n in named]
    first = [n[0] if n else NONE for n in named]
    f1s = []
    for competency in COMPETENCY_IDS:
        tp = sum(
            1 for t, p, a in zip(truth, first, answered, strict=True) if a and p == t == competency
        )
        fp = sum(
            1 for t, p, a in zip(truth, first, answered, strict=True) if a and p == competency != t
        )
        fn = sum(
            1 for t, p, a in zip(truth, first, answered, strict=True) if a and t == competency != p
        )
        f1s.append(2 * tp / max(1, 2 * tp + fp + fn))
    shown = [i for i, t in enumerate(truth) if t != NONE]
    nones = [i for i, t in enumerate(truth) if t == NONE]
    answered_shown = [i for i in shown if answered[i]]
    return BulletScores(
        accuracy=sum(1 for i in answered_shown if first[i] == truth[i])
        / max(1, len(answered_shown)),
        macro_f1=float(np.mean(f1s)),
        abstain_rate=sum(1 for i in shown if not answered[i]) / max(1, len(shown)),
        none_abstain_rate=sum(1 for i in nones if not answered[i]) / max(1, len(nones)),
        overall_abstain_rate=answered.count(False) / max(1, len(bullets)),
        answered=sum(answered),
        total=len(bullets),
    )


def _named(head: BulletHead, probabilities: FloatArray) -> list[list[str]]:
    return [[c.id for c in comps] for comps in head.competencies(probabilities)]


def out_of_fold_probabilities(features: FloatArray, target: FloatArray) -> FloatArray:
    """Each bullet's probabilities from a head fitted without its fold."""
    order = np.random.default_rng(0).permutation(len(features))
    out = np.zeros_like(target)
    for fold in range(FOLDS):
        held = order[fold::FOLDS]
        kept = np.setdiff1d(order, held)
        weights, bias = fit_weights(features[kept], target[kept])
        out[held] = softmax(features[held] @ weights + bias)
    return out


def calibrate_threshold(
    bullets: Sequence[LabelledBullet], probabilities: FloatArray
) -> tuple[float, BulletScores]:
    """The threshold with the best macro-F1 that abstains on few enough bullets."""
    best: tuple[float, BulletScores] | None = None
    for threshold in THRESHOLDS:
        probe = BulletHead(np.zeros((1, len(LABELS))), np.zeros(len(LABELS)), threshold)
        scores = score_readings(bullets, _named(probe, probabilities))
        if scores.abstain_rate > MAX_CALIBRATION_ABSTAIN:
            continue
        if best is None or scores.macro_f1 > best[1].macro_f1:
            best = (threshold, scores)
    if best is None:
        raise ValueError("No threshold abstains on few enough bullets; the head is too weak.")
    return best


def fit_head(
    bullets: Sequence[LabelledBullet],
    encoder: SentenceEncoder | None = None,
    lexicon: CueLexicon | None = None,
) -> tuple[BulletHead, BulletScores]:
    """Fit the head on labelled bullets and calibrate its threshold.

    Returns:
        The head and its cross-validated scores at the chosen threshold.
    """
    encoder = encoder or default_encoder()
    lexicon = lexicon or bundled_cues()
    texts = [b.text for b in bullets]
    features = bullet_features(encoder.encode(texts), texts, lexicon)
    target = targets(bullets)
    threshold, scores = calibrate_threshold(bullets, out_of_fold_probabilities(features, target))
    weights, bias = fit_weights(features, target)
    return BulletHead(weights, bias, threshold), scores


def evaluate_head(
    head: BulletHead,
    bullets: Sequence[LabelledBullet],
    encoder: SentenceEncoder | None = None,
    lexicon: CueLexicon | None = None,
) -> BulletScores:
    """Score a fitted head on labelled bullets it was not fitted on."""
    encoder = encoder or default_encoder()
    texts = [b.text for b in bullets]
    features = bullet_features(encoder.encode(texts), texts, lexicon or bundled_cues())
    return score_readings(bullets, _named(head, head.probabilities(features)))


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    head, scores = fit_head(read_labelled_bullets(source))
    head.save(target)
    print(f"threshold {head.threshold:.2f}; cross-validated on {source}: {scores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
