"""Résumé bullets to competencies: a small linear head over the sentence embedding.

Each bullet becomes one feature vector: its sentence embedding (384 numbers)
beside six counts of trade words per competency (see data/cues.yaml). A
multinomial logistic regression over seven classes, the six competencies and
"none", gives a probability per class. The head abstains, naming no
competency, when "none" is the likeliest class or when the likeliest
competency's probability is below a threshold; the threshold is calibrated on
out-of-fold predictions over the labelled training bullets (see `fitting`).
A second competency is named too when its own probability is at least
SECONDARY_SHARE, so a bullet about running usability tests can count for
User Experience and Customer Research at once.

The fitted weights ship in data/bullet_head.npz; `fitting` refits them from
tests/data/resume_bullets_train.tsv and the tests check that the refit
reproduces the shipped file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import IO

import numpy as np
import numpy.typing as npt
import yaml

from pm_origins.engine.evidence import BulletCompetency
from pm_origins.evidence.encoder import SentenceEncoder, default_encoder

FloatArray = npt.NDArray[np.float64]

COMPETENCY_IDS = ("innovation", "ux", "execution", "analytics", "research", "relationships")
NONE = "none"
LABELS = (*COMPETENCY_IDS, NONE)
EMBEDDING_SCALE = 5.0  # unit-length embeddings, scaled so their logits can reach a few units
CUE_WEIGHT = 2.0  # log(1 + cue count) per competency, times this
SECONDARY_SHARE = 0.25  # another competency named beside the first from this probability on
HEAD_FILE = "bullet_head.npz"
CUES_FILE = "cues.yaml"

_WORD = re.compile(r"[a-z0-9]+(?:[/.+#'][a-z0-9]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("-", " ").replace("’", "'"))


@dataclass(frozen=True)
class CueLexicon:
    """Trade words per competency, each a tuple of words; the last may end in *."""

    cues: dict[str, tuple[tuple[str, ...], ...]]

    @cached_property
    def _patterns(self) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]:
        # One regex per cue over the words joined by single spaces, each behind a
        # plain substring test of its first word's stem, which rules out most cues
        # at C speed before any regex runs.
        return tuple(
            tuple((cue[0].rstrip("*"), _cue_pattern(cue)) for cue in self.cues.get(competency, ()))
            for competency in COMPETENCY_IDS
        )

    def counts(self, text: str) -> npt.NDArray[np.float64]:
        """How many distinct cues of each competency the text holds (framework order)."""
        joined = " ".join(_words(text))
        return np.array(
            [
                sum(1 for stem, p in patterns if stem in joined and p.search(joined))
                for patterns in self._patterns
            ],
            dtype=np.float64,
        )


def _cue_pattern(cue: tuple[str, ...]) -> re.Pattern[str]:
    *head, last = cue
    tail = re.escape(last.rstrip("*")) + (r"\S*" if last.endswith("*") else "")
    body = " ".join([*(re.escape(word) for word in head), tail])
    return re.compile(rf"(?<!\S){body}(?!\S)")


@lru_cache(maxsize=1)
def bundled_cues() -> CueLexicon:
    """The cue lexicon shipped in the package."""
    text = (resources.files("pm_origins.evidence") / "data" / CUES_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    return CueLexicon(
        {
            competency: tuple(tuple(str(cue).lower().replace("-", " ").split()) for cue in cues)
            for competency, cues in data.items()
        }
    )


def bullet_features(
    embeddings: npt.NDArray[np.floating], texts: Sequence[str], lexicon: CueLexicon
) -> FloatArray:
    """Head inputs: scaled embeddings beside weighted log cue counts, one row a bullet."""
    cues = np.array([lexicon.counts(text) for text in texts]).reshape(len(texts), -1)
    return np.hstack([embeddings.astype(np.float64) * EMBEDDING_SCALE, np.log1p(cues) * CUE_WEIGHT])


def softmax(logits: FloatArray) -> FloatArray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: FloatArray = exp / exp.sum(axis=1, keepdims=True)
    return result


@dataclass(frozen=True)
class BulletHead:
    """Fitted weights of the bullet head and its calibrated abstain threshold."""

    weights: FloatArray  # features x labels
    bias: FloatArray  # labels
    threshold: float

    def probabilities(self, features: FloatArray) -> FloatArray:
        """Probability of each label (LABELS order) per row of features."""
        return softmax(features @ self.weights + self.bias)

    def competencies(self, probabilities: FloatArray) -> list[tuple[BulletCompetency, ...]]:
        """What each bullet shows; an empty tuple where the head abstains."""
        out: list[tuple[BulletCompetency, ...]] = []
        for row in probabilities:
            ranked = sorted(range(len(COMPETENCY_IDS)), key=lambda c: -row[c])
            best = ranked[0]
            if row.argmax() == LABELS.index(NONE) or row[best] < self.threshold:
                out.append(())
                continue
            named = [best] + [c for c in ranked[1:] if row[c] >= SECONDARY_SHARE]
            out.append(
                tuple(BulletCompetency(COMPETENCY_IDS[c], round(float(row[c]), 3)) for c in named)
            )
        return out

    def save(self, target: Path | IO[bytes]) -> None:
        np.savez(
            target,
            weights=self.weights,
            bias=self.bias,
            threshold=np.array(self.threshold),
            labels=np.array(LABELS),
        )

    @classmethod
    def load(cls, source: Path | IO[bytes]) -> BulletHead:
        with np.load(source) as data:
            if tuple(str(label) for label in data["labels"]) != LABELS:
                raise ValueError("The bullet head was fitted for other labels; refit it.")
            return cls(
                weights=np.array(data["weights"], dtype=np.float64),
                bias=np.array(data["bias"], dtype=np.float64),
                threshold=float(data["threshold"]),
            )


@lru_cache(maxsize=1)
def bundled_head() -> BulletHead:
    """The head shipped in the package."""
    with (resources.files("pm_origins.evidence") / "data" / HEAD_FILE).open("rb") as handle:
        return BulletHead.load(handle)


@dataclass(frozen=True)
class BulletReading:
    text: str
    competencies: tuple[BulletCompetency, ...]  # empty: the head abstained

    @property
    def abstained(self) -> bool:
        return not self.competencies


class BulletReader:
    """Reads résumé bullets: encoder, cue lexicon and head together."""

    def __init__(
        self,
        encoder: SentenceEncoder,
        head: BulletHead | None = None,
        lexicon: CueLexicon | None = None,
    ) -> None:
        self.encoder = encoder
        self.head = head or bundled_head()
        self.lexicon = lexicon or bundled_cues()

    def probabilities(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> FloatArray:
        embeddings = self.encoder.encode(texts, progress=progress)
        return self.head.probabilities(bullet_features(embeddings, texts, self.lexicon))

    def read(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> list[BulletReading]:
        """What each bullet shows, in the order given.

        Args:
            texts: the bullets.
            progress: called as progress(done, total) while encoding.
        Raises:
            EvidenceUnavailable: the `evidence` extra or the model is missing.
        """
        if not texts:
            return []
        named = self.head.competencies(self.probabilities(texts, progress))
        return [BulletReading(text, comps) for text, comps in zip(texts, named, strict=True)]


def default_reader() -> BulletReader:
    """A reader on the process-wide encoder and the bundled head."""
    return BulletReader(default_encoder())
