"""Job titles to origins.

A title is first normalised: Unicode compatibility forms folded (NFKC), case
folded, and checked for letters from two alphabets that only look alike ("QА"
with a Cyrillic А); such a title is reported unmatched, never matched on what
it imitates. Its words are then folded to plain letters, abbreviations
expanded, seniority words and numerals dropped, and endings stemmed.

Alias words are weighted by how specific they are (a word used by one origin
counts more than "engineer", which many share), and a word may match through
one typo. A title that matches nothing well is reported with suggestions,
never guessed.

The work per title is bounded whatever the input: a title is read up to
MAX_MATCH_CHARS characters, MAX_TITLE_WORDS words of at most MAX_WORD_LENGTH
letters each, and typos are looked up in an index rather than compared with
every alias word. `TitleMatch.work` counts the look-ups and comparisons made.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from pm_origins.framework import Framework

MATCH_THRESHOLD = 0.55
SUGGEST_SHARED = 0.2  # a suggestion shares at least this much of its words with the title
SPLIT_RATIO = 0.9  # origins scoring within 90% of the best share a title

# Bounds on the work per title, whatever the input.
MAX_MATCH_CHARS = 120  # characters read, before and after Unicode folding
MAX_TITLE_WORDS = 8  # distinct words read
MAX_WORD_LENGTH = 32  # letters read per word (German compounds run to about 30)
MIN_TYPO_LENGTH = 5  # shorter words must be spelled exactly
MAX_TYPO_CANDIDATES = 4  # vocabulary words checked per misspelt title word

# Why a title was left unmatched.
REASON_NO_MATCH = "no_match"
REASON_MIXED_SCRIPTS = "mixed_scripts"

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

# Letters of other alphabets that look like Latin ones, after case folding.
# A word holding one of these next to Latin letters imitates a Latin word.
LOOKALIKES: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "с": "c",
    "ԁ": "d",
    "е": "e",
    "ё": "e",
    "һ": "h",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "к": "k",
    "ӏ": "l",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "ԛ": "q",
    "ѕ": "s",
    "т": "t",
    "у": "y",
    "ү": "y",
    "ԝ": "w",
    "х": "x",
    "ъ": "b",
    "ь": "b",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "γ": "y",
    "ω": "w",
    "ζ": "z",
    "μ": "u",
    # Armenian
    "ս": "u",
    "օ": "o",
    "հ": "h",
    "ո": "n",
    "զ": "q",
    "ց": "g",
}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NormalisedTitle:
    """A title after Unicode folding: its text, and whether it mixes alphabets."""

    text: str
    mixed_scripts: bool
    looks_like: str  # the text with look-alike letters replaced by Latin ones


def _script(char: str) -> str:
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def normalise_title(title: str) -> NormalisedTitle:
    """Fold a title with NFKC and case folding, and check it for mixed alphabets.

    A word that mixes Latin letters with letters of another alphabet, or a word
    written wholly in look-alikes of Latin letters beside Latin words, marks the
    title as `mixed_scripts`: it imitates another title and must not match.
    Reads at most MAX_MATCH_CHARS characters before and after folding.
    """
    text = unicodedata.normalize("NFKC", title[:MAX_MATCH_CHARS])[:MAX_MATCH_CHARS].casefold()
    words = _WORD.findall(text)
    has_latin_word = False
    mixed = False
    disguised: list[str] = []
    for word in words:
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if "LATIN" in scripts:
            has_latin_word = True
            if len(scripts) > 1:
                mixed = True
        elif scripts and all(ch in LOOKALIKES for ch in word if ch.isalpha()):
            disguised.append(word)
    mixed = mixed or (has_latin_word and bool(disguised))
    looks_like = "".join(LOOKALIKES.get(ch, ch) for ch in text) if mixed else text
    return NormalisedTitle(text, mixed, looks_like)


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


def _plain_words(text: str) -> tuple[str, ...]:
    """The meaningful, stemmed words of already-normalised text, bounded in number and length."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("&", " and ").replace("+", " and ")
    folded = COMPOUNDS.sub(lambda m: m.group(1) + m.group(2), folded)
    words: list[str] = []
    for raw in re.findall(r"[a-z]+|\d+", folded):
        if raw.isdigit():
            continue  # "Engineer 2", "Level 3": numbers rank, they do not describe the job
        for word in ABBREVIATIONS.get(raw[:MAX_WORD_LENGTH], (raw[:MAX_WORD_LENGTH],)):
            if word in DROPPED_WORDS:
                continue
            stem = _stem(word)
            if stem not in words:
                words.append(stem)
                if len(words) == MAX_TITLE_WORDS:
                    return tuple(words)
    return tuple(words)


def title_words(title: str) -> tuple[str, ...]:
    """The meaningful, stemmed words of a job title, in order, without repeats.

    At most MAX_TITLE_WORDS words of at most MAX_WORD_LENGTH letters are read.
    """
    return _plain_words(normalise_title(title).text)


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` by one insertion, deletion, substitution or swap.

    Linear in the length of the words.
    """
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    start = 0
    while start < min(la, lb) and a[start] == b[start]:
        start += 1
    if la == lb:
        if a[start + 1 :] == b[start + 1 :]:
            return True  # one substitution
        return (
            start + 1 < la
            and a[start] == b[start + 1]
            and a[start + 1] == b[start]
            and a[start + 2 :] == b[start + 2 :]
        )  # two neighbours swapped
    if la > lb:
        return a[start + 1 :] == b[start:]
    return a[start:] == b[start + 1 :]


@dataclass
class _Work:
    """Counts the look-ups and comparisons made for one title."""

    steps: int = 0


@dataclass(frozen=True)
class _Alias:
    origin: str
    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class TitleMatch:
    """What one job title matched: origin shares (empty when unmatched).

    `reason` says why an unmatched title was left out ("no_match", or
    "mixed_scripts" for a title mixing alphabets); `work` counts the look-ups
    and comparisons that reading it took.
    """

    title: str
    shares: dict[str, float]
    confidence: float
    matched_alias: str | None
    suggestions: tuple[str, ...] = ()
    reason: str | None = None
    work: int = field(default=0, compare=False, repr=False)

    @property
    def matched(self) -> bool:
        return bool(self.shares)


@dataclass(frozen=True)
class TitleMatcher:
    aliases: tuple[_Alias, ...] = field(repr=False)
    weights: dict[str, float] = field(hash=False, repr=False)
    # Misspelling index: a vocabulary word and each of its one-letter deletions -> the words.
    typo_index: dict[str, frozenset[str]] = field(hash=False, repr=False, default_factory=dict)
    # Vocabulary word -> indexes of the aliases that use it.
    users: dict[str, tuple[int, ...]] = field(hash=False, repr=False, default_factory=dict)

    @classmethod
    def for_framework(cls, framework: Framework) -> TitleMatcher:
        return _matcher(framework)

    @property
    def max_work(self) -> int:
        """The most look-ups and comparisons one title can take, whatever it says."""
        per_word = 1 + MAX_WORD_LENGTH + MAX_TYPO_CANDIDATES
        return MAX_TITLE_WORDS * per_word + 2 * len(self.aliases)

    def weight(self, word: str) -> float:
        return self.weights.get(word, 1.0)

    def _readings(self, words: tuple[str, ...], work: _Work) -> dict[str, frozenset[str]]:
        """Each title word -> the vocabulary words it stands for (itself, or one typo away)."""
        readings: dict[str, frozenset[str]] = {}
        for word in words:
            work.steps += 1
            if word in self.weights or len(word) < MIN_TYPO_LENGTH:
                readings[word] = frozenset({word})
                continue
            candidates: set[str] = set()
            for key in (word, *_deletions(word)):
                work.steps += 1
                candidates.update(self.typo_index.get(key, ()))
            close = set()
            for candidate in sorted(candidates)[:MAX_TYPO_CANDIDATES]:
                work.steps += 1
                if within_one_edit(word, candidate):
                    close.add(candidate)
            readings[word] = frozenset(close or {word})
        return readings

    def _similarity(
        self, title: tuple[str, ...], readings: dict[str, frozenset[str]], alias: tuple[str, ...]
    ) -> float:
        if not title or not alias:
            return 0.0
        seen = frozenset().union(*readings.values())
        matched_alias = [a for a in alias if a in seen]
        matched_title = [t for t in title if readings[t] & set(alias)]
        alias_cover = sum(map(self.weight, matched_alias)) / sum(map(self.weight, alias))
        title_cover = sum(map(self.weight, matched_title)) / sum(map(self.weight, title))
        # The alias must be mostly present; extra words in the title (a team, a
        # product area, a region) cost a little, not everything.
        return alias_cover * (0.6 + 0.4 * title_cover)

    def _scored(self, words: tuple[str, ...], work: _Work) -> list[tuple[float, _Alias]]:
        readings = self._readings(words, work)
        touched: set[int] = set()
        for vocabulary in readings.values():
            for word in vocabulary:
                touched.update(self.users.get(word, ()))
        scored = []
        for index in sorted(touched):
            work.steps += 1
            alias = self.aliases[index]
            scored.append((self._similarity(words, readings, alias.words), alias))
        return scored

    def match(self, title: str) -> TitleMatch:
        """Match one title to origin shares, or report it unmatched with suggestions."""
        work = _Work()
        normal = normalise_title(title)
        if normal.mixed_scripts:
            return TitleMatch(title, {}, 0.0, None, (), REASON_MIXED_SCRIPTS, work.steps)
        words = _plain_words(normal.text)
        scored = self._scored(words, work)
        best: dict[str, tuple[float, str]] = {}
        for score, alias in scored:
            if score > best.get(alias.origin, (0.0, ""))[0]:
                best[alias.origin] = (score, alias.text)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if not ranked or ranked[0][1][0] < MATCH_THRESHOLD:
            suggestions = self._suggest(scored)
            confidence = ranked[0][1][0] if ranked else 0.0
            return TitleMatch(title, {}, confidence, None, suggestions, REASON_NO_MATCH, work.steps)
        top_score, top_alias = ranked[0][1]
        close = {origin: score for origin, (score, _) in ranked if score >= SPLIT_RATIO * top_score}
        total = sum(close.values())
        return TitleMatch(
            title, {o: s / total for o, s in close.items()}, top_score, top_alias, work=work.steps
        )

    def _suggest(self, scored: list[tuple[float, _Alias]], limit: int = 3) -> tuple[str, ...]:
        ranked = sorted(
            ((score, alias.text) for score, alias in scored if score >= SUGGEST_SHARED),
            key=lambda pair: (-pair[0], pair[1]),
        )
        return tuple(text for _, text in ranked[:limit])

    def suggest(self, title: str, limit: int = 3) -> tuple[str, ...]:
        """Aliases that look most like a title, for an "unmatched" message.

        A suggestion shares a word with the title, or a word one typo away; a
        title with nothing in common gets none rather than noise.
        """
        normal = normalise_title(title)
        if normal.mixed_scripts:
            return ()
        return self._suggest(self._scored(_plain_words(normal.text), _Work()), limit)


@lru_cache(maxsize=16)
def _matcher(framework: Framework) -> TitleMatcher:
    aliases = tuple(
        _Alias(origin.id, text, title_words(text))
        for origin in framework.origins
        for text in (origin.name, *origin.aliases)
    )
    origins_using: dict[str, set[str]] = {}
    users: dict[str, list[int]] = {}
    for index, alias in enumerate(aliases):
        for word in alias.words:
            origins_using.setdefault(word, set()).add(alias.origin)
            users.setdefault(word, []).append(index)
    count = len(framework.origins)
    weights = {word: math.log(1 + count / len(used)) for word, used in origins_using.items()}
    typo_index: dict[str, set[str]] = {}
    for word in weights:
        if len(word) >= MIN_TYPO_LENGTH:
            for key in (word, *_deletions(word)):
                typo_index.setdefault(key, set()).add(word)
    return TitleMatcher(
        aliases,
        weights,
        {key: frozenset(words) for key, words in typo_index.items()},
        {word: tuple(indexes) for word, indexes in users.items()},
    )
