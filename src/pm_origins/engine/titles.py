"""Job titles to origins.

Titles are matched to origin aliases after normalisation: case, accents and
punctuation folded, abbreviations expanded, seniority words and numerals
dropped, and word endings stemmed. Alias words are weighted by how specific
they are (a word used by one origin counts more than "engineer", which many
share), and a word may match through a small typo. A title that matches
nothing well is reported with suggestions, never guessed.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from pm_origins.framework import Framework

MATCH_THRESHOLD = 0.55
SUGGEST_SHARED = 0.2  # a suggestion shares at least this much of its words with the title
SUGGEST_SHAPE = 0.7  # or its spelling is this close (a typo of a whole title)
SPLIT_RATIO = 0.9  # origins scoring within 90% of the best share a title

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "sr": ("senior",),
    "snr": ("senior",),
    "jr": ("junior",),
    "jnr": ("junior",),
    "eng": ("engineer",),
    "engr": ("engineer",),
    "dev": ("developer",),
    "devs": ("developer",),
    "mgr": ("manager",),
    "mngr": ("manager",),
    "mgmt": ("management",),
    "acct": ("account",),
    "accts": ("account",),
    "exec": ("executive",),
    "rep": ("representative",),
    "reps": ("representative",),
    "assoc": ("associate",),
    "coord": ("coordinator",),
    "spec": ("specialist",),
    "mktg": ("marketing",),
    "mkt": ("marketing",),
    "biz": ("business",),
    "bizdev": ("business", "development"),
    "ops": ("operations",),
    "tech": ("technical",),
    "admin": ("administrator",),
    "qe": ("quality", "engineer"),
    "swe": ("software", "engineer"),
    "sde": ("software", "development", "engineer"),
    "dir": ("director",),
    "proj": ("project",),
    "prog": ("programme",),
    "program": ("programme",),
    "cx": ("customer", "experience"),
    "pmp": ("project", "manager"),
}
DROPPED_WORDS = frozenset(
    {
        # seniority and rank
        "senior",
        "junior",
        "lead",
        "principal",
        "staff",
        "chief",
        "head",
        "associate",
        "intern",
        "trainee",
        "graduate",
        "entry",
        "level",
        "mid",
        "vp",
        "vice",
        "president",
        "director",
        "apprentice",
        "expert",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        # glue
        "of",
        "the",
        "and",
        "for",
        "at",
        "in",
        "to",
        "a",
        "an",
        "with",
        "team",
        "department",
        "dept",
        "group",
        "division",
        "unit",
        "contract",
        "contractor",
        "freelance",
        "remote",
        "interim",
        "acting",
        "part",
        "time",
        "full",
    }
)
# Words written joined, hyphenated or apart ("front-end", "front end", "frontend").
COMPOUNDS = re.compile(r"\b(front|back|full|dev|bi|e)[\s\-]+(end|stack|ops|commerce)\b")
SUFFIXES = (
    "ments",
    "ment",
    "ings",
    "ing",
    "ers",
    "er",
    "ors",
    "or",
    "ants",
    "ant",
    "ists",
    "ist",
    "s",
    "e",
)
MIN_STEM = 4
TYPO_RATIO = 0.84


def _stem(word: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if (
                word.endswith(suffix)
                and len(word) - len(suffix) >= MIN_STEM
                and not (suffix == "s" and word.endswith("ss"))
            ):
                word = word[: -len(suffix)]
                changed = True
                break
    return word


def title_words(title: str) -> tuple[str, ...]:
    """The meaningful, stemmed words of a job title, in order, without repeats."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("&", " and ").replace("+", " and ")
    folded = COMPOUNDS.sub(lambda m: m.group(1) + m.group(2), folded)
    words: list[str] = []
    for raw in re.findall(r"[a-z]+|\d+", folded):
        if raw.isdigit():
            continue  # "Engineer 2", "Level 3": numbers rank, they do not describe the job
        for word in ABBREVIATIONS.get(raw, (raw,)):
            if word in DROPPED_WORDS:
                continue
            stem = _stem(word)
            if stem not in words:
                words.append(stem)
    return tuple(words)


def _words_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= TYPO_RATIO


@dataclass(frozen=True)
class _Alias:
    origin: str
    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class TitleMatch:
    """What one job title matched: origin shares (empty when unmatched)."""

    title: str
    shares: dict[str, float]
    confidence: float
    matched_alias: str | None
    suggestions: tuple[str, ...] = ()

    @property
    def matched(self) -> bool:
        return bool(self.shares)


@dataclass(frozen=True)
class TitleMatcher:
    aliases: tuple[_Alias, ...]
    weights: dict[str, float] = field(hash=False)

    @classmethod
    def for_framework(cls, framework: Framework) -> TitleMatcher:
        return _matcher(framework)

    def weight(self, word: str) -> float:
        return self.weights.get(word, 1.0)

    def _similarity(self, title: tuple[str, ...], alias: tuple[str, ...]) -> float:
        if not title or not alias:
            return 0.0
        matched_alias = [a for a in alias if any(_words_match(a, t) for t in title)]
        matched_title = [t for t in title if any(_words_match(t, a) for a in alias)]
        alias_cover = sum(map(self.weight, matched_alias)) / sum(map(self.weight, alias))
        title_cover = sum(map(self.weight, matched_title)) / sum(map(self.weight, title))
        # The alias must be mostly present; extra words in the title (a team, a
        # product area, a region) cost a little, not everything.
        return alias_cover * (0.6 + 0.4 * title_cover)

    def match(self, title: str) -> TitleMatch:
        """Match one title to origin shares, or report it unmatched with suggestions."""
        words = title_words(title)
        best: dict[str, tuple[float, str]] = {}
        for alias in self.aliases:
            score = self._similarity(words, alias.words)
            if score > best.get(alias.origin, (0.0, ""))[0]:
                best[alias.origin] = (score, alias.text)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if not ranked or ranked[0][1][0] < MATCH_THRESHOLD:
            return TitleMatch(
                title, {}, ranked[0][1][0] if ranked else 0.0, None, self.suggest(title)
            )
        top_score, top_alias = ranked[0][1]
        close = {origin: score for origin, (score, _) in ranked if score >= SPLIT_RATIO * top_score}
        total = sum(close.values())
        return TitleMatch(title, {o: s / total for o, s in close.items()}, top_score, top_alias)

    def suggest(self, title: str, limit: int = 3) -> tuple[str, ...]:
        """Aliases that look most like a title, for an "unmatched" message.

        A suggestion shares a word with the title, or is spelled much like it (a
        typo); a title with nothing in common gets none rather than noise.
        """
        words = title_words(title)
        plain = " ".join(words)
        scored = []
        for alias in self.aliases:
            shared = self._similarity(words, alias.words)
            shape = difflib.SequenceMatcher(None, plain, " ".join(alias.words)).ratio()
            if shared >= SUGGEST_SHARED or shape >= SUGGEST_SHAPE:
                scored.append((shared + shape / 2, alias.text))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return tuple(text for _, text in scored[:limit])


@lru_cache(maxsize=16)
def _matcher(framework: Framework) -> TitleMatcher:
    aliases = tuple(
        _Alias(origin.id, text, title_words(text))
        for origin in framework.origins
        for text in (origin.name, *origin.aliases)
    )
    origins_using: dict[str, set[str]] = {}
    for alias in aliases:
        for word in alias.words:
            origins_using.setdefault(word, set()).add(alias.origin)
    count = len(framework.origins)
    weights = {word: math.log(1 + count / len(users)) for word, users in origins_using.items()}
    return TitleMatcher(aliases, weights)
