"""Title matching with everything bundled: the lexicon and, with the `evidence`
extra, a semantic index of the framework's titles.

The engine reads titles by rules and does no I/O; this module loads what it
needs (the word list, the sentence model) and hands it over. Without the extra
the matcher is rules only, and says so through `SemanticIndex` being absent.
"""

from __future__ import annotations

import importlib.util
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from pm_origins.engine.titles import MAX_TITLE_WORDS, TitleMatcher, title_targets
from pm_origins.evidence.encoder import (
    MODEL_PACKAGE,
    Float32Array,
    SentenceEncoder,
    default_encoder,
)
from pm_origins.evidence.errors import EvidenceUnavailable
from pm_origins.framework import Framework
from pm_origins.framework.lexicon import load_lexicon

CACHE_SIZE = 4096  # titles whose nearest targets are kept per index
MAX_QUERY_CHARS = 12 * MAX_TITLE_WORDS  # what a query may hold: the read words of one title


class SemanticIndex:
    """Sentence embeddings of a framework's titles (aliases, product titles, other
    jobs and origin summaries), for `TitleMatcher(semantic=...)`.

    `nearest(text)` encodes one short text and returns each target's best cosine.
    The index is immutable once built; a small cache keeps recent titles.
    """

    def __init__(self, encoder: SentenceEncoder, pairs: Sequence[tuple[str, str]]) -> None:
        self._encoder = encoder
        self._targets = tuple(target for target, _ in pairs)
        self._texts = tuple(text for _, text in pairs)
        self._matrix: Float32Array = encoder.encode(list(self._texts))
        self._cache: OrderedDict[str, tuple[tuple[str, str, float], ...]] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def for_framework(
        cls, framework: Framework, encoder: SentenceEncoder | None = None
    ) -> SemanticIndex:
        """Embed the framework's titles with `encoder` (default: the bundled model).

        Raises:
            EvidenceUnavailable: the `evidence` extra or its model is missing.
        """
        return cls(encoder or default_encoder(), title_targets(framework))

    def __len__(self) -> int:
        return len(self._texts)

    def nearest(self, text: str) -> tuple[tuple[str, str, float], ...]:
        """Each target's best (target, title text, cosine) for `text`, best first."""
        text = text[:MAX_QUERY_CHARS]
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self._encoder.encode([text])[0]
        cosines = self._matrix @ vector
        best: dict[str, tuple[str, float]] = {}
        for index in np.argsort(-cosines):
            target = self._targets[index]
            if target not in best:
                best[target] = (self._texts[index], float(cosines[index]))
        found = tuple(
            (target, hit, cosine)
            for target, (hit, cosine) in sorted(best.items(), key=lambda kv: -kv[1][1])
        )
        with self._lock:
            self._cache[text] = found
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return found


@lru_cache(maxsize=8)
def _semantic_index(framework: Framework) -> SemanticIndex | None:
    try:
        return SemanticIndex.for_framework(framework)
    except EvidenceUnavailable:
        return None


class _OnFirstUse:
    """A semantic index built the first time a title needs it: most titles are read by
    the rules, so a command that never meets a hard title never loads the model."""

    def __init__(self, framework: Framework) -> None:
        self._framework = framework

    def nearest(self, text: str) -> tuple[tuple[str, str, float], ...]:
        index = _semantic_index(self._framework)
        return index.nearest(text) if index is not None else ()


def title_matcher(framework: Framework, *, semantic: bool = True) -> TitleMatcher:
    """The title matcher the product uses: the bundled lexicon, plus the semantic
    index when `semantic` is true and the `evidence` extra is installed.

    The index is built on first use, once per framework and process (loading the
    model and embedding the framework's titles takes a second or two).
    """
    index = _OnFirstUse(framework) if semantic and extra_installed() else None
    return TitleMatcher.for_framework(framework, lexicon=load_lexicon(), semantic=index)


def extra_installed() -> bool:
    """True when the `evidence` extra and its model are installed (nothing is loaded)."""
    modules = ("tokenizers", "threadpoolctl", MODEL_PACKAGE)
    return all(importlib.util.find_spec(name) is not None for name in modules)
