"""Job titles to origins, product experience, or an honest "not placed".

Reading a title, in order:

1. Normalise: Unicode compatibility forms folded (NFKC), case folded, and a
   check for letters of two alphabets that only look alike ("QА" with a
   Cyrillic А); such a title is reported unmatched, never matched on what it
   imitates.
2. Cut: the employer after "@" or " at " is dropped; what follows a comma, a
   dash or a bracket ("Payments", "EMEA", "(m/w/d)") is a qualifier that
   counts for little.
3. Words: accents folded; abbreviations and acronyms expanded ("Sr.", "SRE",
   "APM"); words of German, French, Spanish, Portuguese and Dutch read through
   the framework's glossary ("Analista de datos" reads as data + analyst), with
   compounds split ("Softwareentwickler"); seniority and glue words dropped;
   endings stemmed.
4. Typos: a word that is not a real word (the lexicon the caller passes) may
   stand for a vocabulary word one edit away; a real word is never "corrected"
   ("mechanical" stays mechanical).
5. Match: every alias sharing a word is scored by how much of the alias the
   title holds and how much of the title the alias explains. Generic words
   ("engineer", "manager") count for little and never match alone. The best
   alias decides: an origin, product experience, or a job outside every origin
   (left unplaced). A builder word beside another department ("Sales
   Engineer") gives the builder origin a share. A word naming a field outside
   every origin ("Financial Analyst", "Test Engineer, Automotive") leaves the
   title unplaced when the origin is one whose job changes with the field (the
   framework's `field_bound_origins`), unless a software word or a technology
   keeps it there ("Data Analyst, Finance", "Clinical Software Engineer").
6. Meaning: a title the rules cannot place may be placed by a semantic index
   the caller passes (sentence embeddings of the framework's titles), with its
   own threshold and margin; the rules above still veto generic-only titles
   and titles of another field.

The work per title is bounded whatever the input: a title is read up to
MAX_MATCH_CHARS characters, MAX_TITLE_WORDS words of at most MAX_WORD_LENGTH
letters each, typos are looked up in an index, and only aliases sharing a word
are scored. `TitleMatch.work` counts the steps; `TitleMatcher.max_work` bounds it.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

from pm_origins.framework import Framework, TitleRules, normalise_alias

MATCH_THRESHOLD = 0.6
SUGGEST_SHARED = 0.25  # a suggestion holds at least this score with the title
SPLIT_RATIO = 0.9  # origins scoring within 90% of the best share a title
TITLE_COVER_FLOOR = 0.35  # score = alias cover x (floor + (1 - floor) x title cover)
CLOSEST_LIMIT = 3
SUGGESTION_LIMIT = 3

# Word weights for how much of a title an alias explains.
GENERIC_WEIGHT = 0.25  # "engineer", "manager": say little about the job
TECHNOLOGY_WEIGHT = 0.25  # "Java", "iOS": say which tools, not which job
QUALIFIER_FACTOR = 0.25  # words after a comma, dash or bracket
UNKNOWN_WORD_WEIGHT = 2.0  # a real word no alias knows ("kitchen") says this is another job
UNKNOWN_NAME_WEIGHT = 0.5  # a non-word ("Acme", "EMEA") is most likely a name

# Semantic matching (only for titles the rules leave unplaced).
SEMANTIC_THRESHOLD = 0.72  # cosine to the nearest title of the winning target
SEMANTIC_MARGIN = 0.06  # ahead of the nearest title of any other target

# Bounds on the work per title, whatever the input.
MAX_MATCH_CHARS = 120  # characters read, before and after Unicode folding
MAX_TITLE_WORDS = 8  # distinct words read
MAX_WORD_LENGTH = 32  # letters read per word (German compounds run to about 30)
MIN_TYPO_LENGTH = 5  # shorter words must be spelled exactly
MAX_TYPO_CANDIDATES = 4  # vocabulary words checked per misspelt title word
MIN_COMPOUND_LENGTH = 8  # shorter words are not split
MIN_COMPOUND_PART = 3

# What a role is, once read. "chosen" is set by the history when a person picks the origin.
KIND_ORIGIN = "origin"
KIND_PRODUCT = "product"
KIND_CHOSEN = "chosen"
KIND_UNMATCHED = "unmatched"
KINDS = (KIND_ORIGIN, KIND_PRODUCT, KIND_CHOSEN, KIND_UNMATCHED)

# How a title was read.
VIA_ALIAS = "alias"  # word for word an alias
VIA_WORDS = "words"  # by its words
VIA_SEMANTIC = "semantic"  # by meaning, through the semantic index

# Why a title was left unmatched.
REASON_NO_MATCH = "no_match"
REASON_MIXED_SCRIPTS = "mixed_scripts"
REASON_GENERIC = "generic"  # only words too broad to place it
REASON_OTHER_JOB = "other_job"  # reads as a job outside every origin

# Targets besides origin ids.
PRODUCT = "@product"
OTHER = "@other"

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
    "gen": ("generation",),
    "biz": ("business",),
    "bizdev": ("business", "development"),
    "ops": ("operations",),
    "tech": ("technical",),
    "admin": ("administrator",),
    "qe": ("quality", "engineer"),
    "swe": ("software", "engineer"),
    "sde": ("software", "development", "engineer"),
    "sre": ("site", "reliability", "engineer"),
    "dir": ("director",),
    "proj": ("project",),
    "prog": ("programme",),
    "program": ("programme",),
    "programs": ("programme",),
    "cx": ("customer", "experience"),
    "pmp": ("project", "manager"),
    "tpm": ("technical", "programme", "manager"),
    "pm": ("product", "manager"),
    "apm": ("product", "manager"),
    "gpm": ("product", "manager"),
    "po": ("product", "owner"),
    "cpo": ("chief", "product", "officer"),
    "pmm": ("product", "marketing", "manager"),
    "cmo": ("chief", "marketing", "officer"),
    "cto": ("chief", "technology", "officer"),
    "ceo": ("chief", "executive", "officer"),
    "cfo": ("chief", "financial", "officer"),
    "coo": ("chief", "operations", "officer"),
    "csm": ("customer", "success", "manager"),
    "ae": ("account", "executive"),
    "ml": ("machine", "learning"),
    "bi": ("business", "intelligence"),
    "hr": ("human", "resources"),
    "fullstack": ("full", "stack"),
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
        "svp",
        "evp",
        "vice",
        "president",
        "director",
        "apprentice",
        "expert",
        "ii",
        "iii",
        "iv",
        "vi",
        # glue, in the six languages
        "of",
        "the",
        "and",
        "for",
        "at",
        "in",
        "on",
        "to",
        "an",
        "with",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "le",
        "les",
        "du",
        "des",
        "et",
        "und",
        "en",
        "em",
        "do",
        "da",
        "dos",
        "das",
        "van",
        "het",
        "voor",
        "fur",
        "pour",
        "para",
        "por",
        "al",
        "au",
        "aux",
        "im",
        "der",
        "die",
        "den",
        "von",
        "mit",
        "bei",
        # organisation, not job
        "team",
        "department",
        "dept",
        "group",
        "division",
        "unit",
        "contract",
        "contractor",
        "freelance",
        "freelancer",
        "remote",
        "interim",
        "acting",
        "part",
        "time",
        "full",
    }
)
# Words written joined, hyphenated or apart ("front-end", "front end", "frontend").
COMPOUNDS = re.compile(
    r"\b(front|back|full|dev|bi|e|mid|go\-to)[\s\-]+(end|stack|ops|commerce|market|size)\b"
)
# Ranks that also name a role: "Project Lead" is a project manager of sorts.
ROLE_RANKS = frozenset({"lead", "head", "director", "chief", "vp", "president"})
# Glue that puts the job's name first ("Analista de datos", "Chef de projet").
HEAD_FIRST_GLUE = frozenset({"de", "del", "da", "do", "dos", "das", "des", "du", "d", "di", "en"})
# The employer: "Sr. QA @ Google", "Engineer at Spotify", "Entwickler bei SAP".
EMPLOYER = re.compile(r"@|\s(?:at|bei|chez|bij)\s")
# A qualifier: "Data Analyst, Payments", "Sales Manager - EMEA", "Tester (contract)".
QUALIFIER = re.compile(r"[,(\[|:;]|\s[-\u2013\u2014]\s")
SUFFIXES = (
    "ments",
    "ment",
    "ings",
    "ing",
    "ers",
    "er",
    "ors",
    "or",
    "ists",
    "ist",
    "s",
    "e",
)
MIN_STEM = 4
# Feminine and other word forms, folded to the form the glossary holds.
WORD_FORMS = (
    ("erin", "er"),
    ("innen", "er"),
    ("euse", "eur"),
    ("rice", "eur"),
    ("eure", "eur"),
    ("ffe", "f"),
    ("ora", "or"),
    ("eira", "eiro"),
    ("a", "o"),
)

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
    has_latin_word = False
    mixed = False
    disguised = False
    for word in _WORD.findall(text):
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if "LATIN" in scripts:
            has_latin_word = True
            mixed = mixed or len(scripts) > 1
        elif scripts and all(ch in LOOKALIKES for ch in word if ch.isalpha()):
            disguised = True
    mixed = mixed or (has_latin_word and disguised)
    looks_like = "".join(LOOKALIKES.get(ch, ch) for ch in text) if mixed else text
    return NormalisedTitle(text, mixed, looks_like)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _stem(word: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if (
                word.endswith(suffix)
                and len(word) - len(suffix) >= MIN_STEM
                and not (suffix == "s" and word.endswith("ss"))
                # "programme" is not "programmer": a final e after a double letter stays
                and not (suffix == "e" and word[-2] == word[-3])
            ):
                word = word[: -len(suffix)]
                changed = True
                break
    return word


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
    asked_model: bool = False


class SemanticTitles(Protocol):
    """The embedding side of title matching, built outside the engine (it loads a model).

    `nearest` gets a title's words (English, after the glossary) and returns,
    for each target (an origin id, PRODUCT or OTHER), the best cosine between
    the title and that target's titles and descriptions, with the text that
    gave it; any order.
    """

    def nearest(self, text: str) -> Sequence[tuple[str, str, float]]: ...


@dataclass(frozen=True)
class TitleMatch:
    """How one job title was read.

    `kind` is "origin" (shares hold the origins), "product" (product
    experience: no origin share), or "unmatched" (with `reason`, suggestions
    and the closest origins to offer). `via` says how: "alias" (word for word),
    "words" or "semantic". `work` counts the look-ups and comparisons made.
    """

    title: str
    shares: dict[str, float]
    confidence: float
    matched_alias: str | None
    suggestions: tuple[str, ...] = ()
    reason: str | None = None
    work: int = field(default=0, compare=False, repr=False)
    kind: str = KIND_UNMATCHED
    closest: tuple[str, ...] = ()
    via: str | None = None
    asked_model: bool = field(default=False, compare=False, repr=False)

    @property
    def matched(self) -> bool:
        """True when the title placed the role in one or more origins."""
        return bool(self.shares)


@dataclass(frozen=True)
class _Alias:
    target: str  # an origin id, PRODUCT or OTHER
    text: str
    words: tuple[str, ...]  # stems
    generic_only: bool
    head: str  # the stem that names the job
    written: frozenset[str]  # its words as written, ranks kept, no stems

    @property
    def origin(self) -> str:
        return self.target


class _Scored(NamedTuple):
    score: float  # places the title
    likeness: float  # ranks suggestions and closest origins
    alias: _Alias


@dataclass(frozen=True)
class _Word:
    stem: str
    english: str  # the word after glossary and abbreviations, before stemming
    qualifier: bool


@dataclass(frozen=True)
class _Reading:
    """A title's words: core words first, then qualifiers; `head` is the stem of the
    word that names the job ("pilot" in "Test Pilot"), None when unsure."""

    words: tuple[_Word, ...]
    head: str | None = None
    role_dropped: bool = False  # a rank that also names a role ("Lead", "Head") was dropped
    written: frozenset[str] = frozenset()  # the core's words as written (ranks kept, no stems)

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(w.stem for w in self.words)

    def text(self) -> str:
        return " ".join(w.english for w in self.words if not w.qualifier) or " ".join(
            w.english for w in self.words
        )


@dataclass(frozen=True)
class TitleVocabulary:
    """The framework's title data, ready for matching. Built once per framework."""

    aliases: tuple[_Alias, ...]
    weights: dict[str, float] = field(repr=False)  # stem -> how specific
    generic: frozenset[str] = field(repr=False)  # stems
    technology: frozenset[str] = field(repr=False)  # folded words
    builders: frozenset[str] = field(repr=False)  # stems
    builder_origin: str | None
    builder_share: float
    technology_roles: dict[str, str] = field(repr=False)  # stem -> origin id
    translations: dict[str, tuple[str, ...]] = field(repr=False)  # folded word -> English words
    known_words: frozenset[str] = field(repr=False)  # English words a compound part may be
    typo_index: dict[str, frozenset[str]] = field(repr=False)
    users: dict[str, tuple[int, ...]] = field(repr=False)  # stem -> alias indexes
    target_stems: dict[str, frozenset[str]] = field(repr=False)  # target -> stems its aliases use
    origin_ids: tuple[str, ...] = ()
    # Folded English words, matched whole: stems would mix "accounting" with "account".
    fields: frozenset[str] = field(default=frozenset(), repr=False)
    field_bound: frozenset[str] = frozenset()  # origin ids a field word turns away
    software: frozenset[str] = field(default=frozenset(), repr=False)


def _english(word: str, vocabulary: TitleVocabulary, work: _Work) -> tuple[str, ...] | None:
    """The English words a folded word stands for, or None when it is not a title word."""
    work.steps += 1
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    if word in vocabulary.translations:
        return vocabulary.translations[word]
    if word in vocabulary.known_words or word in vocabulary.technology:
        return (word,)
    for ending, base in WORD_FORMS:
        work.steps += 1
        if word.endswith(ending) and len(word) > len(ending) + 2:
            folded = word[: -len(ending)] + base
            if folded in vocabulary.translations:
                return vocabulary.translations[folded]
            if folded in vocabulary.known_words:
                return (folded,)
    return None


def _split_compound(word: str, vocabulary: TitleVocabulary, work: _Work) -> tuple[str, ...] | None:
    """'softwareentwickler' -> software + developer, when both parts are title words."""
    if len(word) < MIN_COMPOUND_LENGTH:
        return None
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        right = _english(word[cut:], vocabulary, work)
        if right is None:
            continue
        left_text = word[:cut]
        left = _english(left_text, vocabulary, work)
        if left is None and left_text.endswith("s"):  # German and Dutch joining s
            left = _english(left_text[:-1], vocabulary, work)
        if left is not None:
            return (*left, *right)
    return None


def _read(text: str, vocabulary: TitleVocabulary, lexicon: frozenset[str], work: _Work) -> _Reading:
    """The words of normalised title text, bounded in number and length."""
    text = EMPLOYER.split(text, maxsplit=1)[0]
    parts = QUALIFIER.split(text, maxsplit=1)
    segments = [(parts[0], False)] + ([(parts[1], True)] if len(parts) > 1 else [])
    words: list[_Word] = []
    seen: set[str] = set()
    raw_seen: set[str] = set()
    head_first = False
    role_dropped = False
    written: set[str] = set()
    written_qualifier: set[str] = set()
    for segment, qualifier in segments:
        folded = _fold(segment).replace("&", " and ").replace("+", " and ")
        folded = COMPOUNDS.sub(lambda m: m.group(1) + m.group(2), folded)
        for raw in re.findall(r"[a-z]+", folded):
            raw = raw[:MAX_WORD_LENGTH]
            head_first = head_first or (not qualifier and raw in HEAD_FIRST_GLUE)
            if len(raw) < 2 or raw in raw_seen:
                continue  # "(m/w/d)", initials, repeats
            raw_seen.add(raw)
            english = _english(raw, vocabulary, work)
            if english is None and raw not in lexicon:
                english = _split_compound(raw, vocabulary, work)
            for word in english or (raw,):
                if word not in DROPPED_WORDS or word in ROLE_RANKS:
                    (written_qualifier if qualifier else written).add(word)
                if word in DROPPED_WORDS:
                    role_dropped = role_dropped or (not qualifier and word in ROLE_RANKS)
                    continue
                stem = word if word in vocabulary.technology else _stem(word)
                if stem in seen:
                    continue
                seen.add(stem)
                words.append(_Word(stem, word, qualifier))
                if len(words) == MAX_TITLE_WORDS:
                    head = _head(words, head_first, vocabulary, lexicon)
                    return _Reading(tuple(words), head, role_dropped, frozenset(written))
    if words and all(w.qualifier for w in words):
        words = [_Word(w.stem, w.english, False) for w in words]
        written |= written_qualifier
    head = _head(words, head_first, vocabulary, lexicon)
    return _Reading(tuple(words), head, role_dropped, frozenset(written))


def _head(
    words: list[_Word], head_first: bool, vocabulary: TitleVocabulary, lexicon: frozenset[str]
) -> str | None:
    """The word that names the job: the last real word of the core (English, German,
    Dutch), or the first where the title is built "X de Y" (French, Spanish, Portuguese).
    Names and technologies are skipped; None when no word qualifies."""
    candidates = [
        w.stem
        for w in words
        if not w.qualifier
        and w.english not in vocabulary.technology
        and (
            w.stem in vocabulary.weights
            or w.stem in vocabulary.generic
            or w.english in lexicon
            or w.english in vocabulary.known_words
        )
    ]
    if not candidates:
        return None
    return candidates[0] if head_first else candidates[-1]


@dataclass(frozen=True)
class TitleMatcher:
    """Reads job titles against one framework's title data.

    Build it with `for_framework`; pass the bundled lexicon (real words that
    typo tolerance must not change) and, when the semantic extra is installed,
    a semantic index.
    """

    vocabulary: TitleVocabulary = field(repr=False)
    lexicon: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    semantic: SemanticTitles | None = field(default=None, repr=False, compare=False)

    @classmethod
    def for_framework(
        cls,
        framework: Framework,
        *,
        lexicon: frozenset[str] = frozenset(),
        semantic: SemanticTitles | None = None,
    ) -> TitleMatcher:
        """A matcher for a framework.

        Args:
            framework: the loaded framework (aliases and title rules).
            lexicon: real words (folded, lower case) that typo tolerance must
                never change; with none, titles must be spelled right.
            semantic: an index that places titles by meaning when the rules
                cannot; None for rules only.
        """
        return cls(_vocabulary(framework), lexicon, semantic)

    @property
    def aliases(self) -> tuple[_Alias, ...]:
        return self.vocabulary.aliases

    @property
    def max_work(self) -> int:
        """The most rule steps one title can take, whatever it says."""
        forms = 1 + len(WORD_FORMS)
        compound = 3 * forms * MAX_WORD_LENGTH
        per_word = forms + compound + 1 + MAX_WORD_LENGTH + MAX_TYPO_CANDIDATES + 1
        return 2 * MAX_TITLE_WORDS * per_word + 2 * len(self.vocabulary.aliases)

    def weight(self, word: str) -> float:
        if word in self.vocabulary.generic:
            return GENERIC_WEIGHT
        return self.vocabulary.weights.get(word, 1.0)

    def _title_weight(self, word: _Word, readings: frozenset[str]) -> float:
        vocabulary = self.vocabulary
        if word.stem in vocabulary.technology or word.english in vocabulary.technology:
            weight = TECHNOLOGY_WEIGHT
        elif readings & vocabulary.weights.keys():
            weight = max(self.weight(r) for r in readings)
        elif word.english in self.lexicon or word.stem in self.lexicon:
            weight = UNKNOWN_WORD_WEIGHT
        else:
            weight = UNKNOWN_NAME_WEIGHT
        return weight * (QUALIFIER_FACTOR if word.qualifier else 1.0)

    def _readings(self, reading: _Reading, work: _Work) -> dict[str, frozenset[str]]:
        """Each title word -> the vocabulary stems it stands for (itself, or one typo away)."""
        vocabulary = self.vocabulary
        readings: dict[str, frozenset[str]] = {}
        for word in reading.words:
            work.steps += 1
            stem = word.stem
            if (
                stem in vocabulary.weights
                or len(stem) < MIN_TYPO_LENGTH
                or word.english in self.lexicon
                or word.english in vocabulary.technology
                or not self.lexicon
            ):
                readings[stem] = frozenset({stem})
                continue
            candidates: set[str] = set()
            for key in (stem, *_deletions(stem)):
                work.steps += 1
                candidates.update(vocabulary.typo_index.get(key, ()))
            close = set()
            for candidate in sorted(candidates)[:MAX_TYPO_CANDIDATES]:
                work.steps += 1
                if within_one_edit(stem, candidate):
                    close.add(candidate)
            readings[stem] = frozenset(close or {stem})
        return readings

    def _score(
        self,
        reading: _Reading,
        readings: dict[str, frozenset[str]],
        title_weights: dict[str, float],
        alias: _Alias,
    ) -> tuple[float, float]:
        """(score, likeness) of an alias for a title. The score places titles; the
        likeness, which skips the head and whole-title checks but still needs a
        specific word in common, ranks suggestions and closest origins."""
        if not reading.words or not alias.words:
            return 0.0, 0.0
        alias_words = set(alias.words)
        present = frozenset().union(*readings.values())
        matched_alias = [a for a in alias.words if a in present]
        explained = [w for w in reading.words if readings[w.stem] & alias_words]
        specific = [a for a in matched_alias if a not in self.vocabulary.generic]
        alias_cover = sum(map(self.weight, matched_alias)) / sum(map(self.weight, alias.words))
        total = sum(title_weights.values())
        title_cover = sum(title_weights[w.stem] for w in explained) / total if total else 0.0
        value = alias_cover * (TITLE_COVER_FLOOR + (1 - TITLE_COVER_FLOOR) * title_cover)
        likeness = value if specific else 0.0
        if not self._heads_agree(reading, readings, alias):
            return 0.0, likeness
        if alias.generic_only:
            # An alias of broad words only ("Tech Lead", "Engineering Manager") must be
            # the whole title as written, ranks included: "Technical" is not "Tech Lead".
            written = {w for w in reading.written if w not in self.vocabulary.technology}
            if written != alias.written:
                return 0.0, likeness
            return value, value
        return likeness, likeness  # never on generic words alone

    def _heads_agree(
        self, reading: _Reading, readings: dict[str, frozenset[str]], alias: _Alias
    ) -> bool:
        """The job a title names must be the job the alias names: "Test Pilot" is not a
        "Tester", and "Process Engineer" is not a "Process Analyst"."""
        vocabulary = self.vocabulary
        broad = vocabulary.generic | vocabulary.builders
        head = reading.head
        if head is not None and head not in broad and not readings[head] & set(alias.words):
            return False
        present = frozenset().union(*readings.values())
        if len(alias.words) < 2 or alias.head in present:
            return True
        # A broad head ("Data Engineer") may stand for another broad word ("Data
        # Manager"), never for none at all ("Data"). A dropped rank stands for the role
        # word of an origin's title ("DevOps Lead" leads DevOps engineers), not of an
        # other job's ("Project Lead" is no "Project Engineer").
        if alias.head not in broad:
            return False
        return bool(present & broad) or (reading.role_dropped and alias.target != OTHER)

    def _scored(self, reading: _Reading, work: _Work) -> list[_Scored]:
        readings = self._readings(reading, work)
        title_weights = {w.stem: self._title_weight(w, readings[w.stem]) for w in reading.words}
        touched: set[int] = set()
        for stems in readings.values():
            for stem in stems:
                touched.update(self.vocabulary.users.get(stem, ()))
        scored = []
        for index in sorted(touched):
            work.steps += 1
            alias = self.vocabulary.aliases[index]
            value, likeness = self._score(reading, readings, title_weights, alias)
            scored.append(_Scored(value, likeness, alias))
        return scored

    def match(self, title: str, *, semantic: bool = True) -> TitleMatch:
        """Read one title: origin shares, product experience, or unmatched with choices.

        `semantic=False` keeps this title from the semantic index (a caller's budget
        of model look-ups is spent); `TitleMatch.asked_model` says whether it was used.
        """
        work = _Work()
        found = self._match(title, semantic, work)
        return dataclasses.replace(found, asked_model=True) if work.asked_model else found

    def _match(self, title: str, semantic: bool, work: _Work) -> TitleMatch:
        normal = normalise_title(title)
        if normal.mixed_scripts:
            return TitleMatch(title, {}, 0.0, None, (), REASON_MIXED_SCRIPTS, work.steps)
        reading = _read(normal.text, self.vocabulary, self.lexicon, work)
        scored = self._scored(reading, work)
        best: dict[str, tuple[float, _Alias]] = {}
        written = normalise_alias(normal.text)
        for score, _, alias in scored:
            held = best.get(alias.target)
            # Equal scores: the alias written as the title wins, then the first listed.
            if (
                held is None
                or score > held[0]
                or (
                    score == held[0]
                    and normalise_alias(alias.text) == written
                    and normalise_alias(held[1].text) != written
                )
            ):
                best[alias.target] = (score, alias)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        other_job = bool(ranked) and ranked[0][0] == OTHER
        other_field = bool(ranked) and self._in_other_field(reading, ranked[0][0])
        if ranked and ranked[0][1][0] >= MATCH_THRESHOLD and not (other_job or other_field):
            return self._placed(title, reading, ranked, work)
        role_origin = self._technology_role(reading)
        if role_origin is not None:
            return TitleMatch(
                title,
                {role_origin: 1.0},
                MATCH_THRESHOLD,
                None,
                (),
                None,
                work.steps,
                KIND_ORIGIN,
                (),
                VIA_WORDS,
            )
        reason = REASON_NO_MATCH
        if (other_job or other_field) and ranked[0][1][0] >= MATCH_THRESHOLD:
            reason = REASON_OTHER_JOB
        elif reading.words and all(
            w.stem in self.vocabulary.generic or w.qualifier for w in reading.words
        ):
            reason = REASON_GENERIC
        elif self.semantic is not None and semantic and reading.words:
            work.asked_model = True
            found = self._by_meaning(title, reading, scored, work)
            if found is not None:
                return found
        confidence = ranked[0][1][0] if ranked else 0.0
        return TitleMatch(
            title,
            {},
            confidence,
            None,
            self._suggest(scored),
            reason,
            work.steps,
            KIND_UNMATCHED,
            self._closest(scored),
        )

    def _placed(
        self,
        title: str,
        reading: _Reading,
        ranked: list[tuple[str, tuple[float, _Alias]]],
        work: _Work,
    ) -> TitleMatch:
        top_target, (top_score, top_alias) = ranked[0]
        via = VIA_ALIAS if set(reading.stems) == set(top_alias.words) else VIA_WORDS
        if top_target == PRODUCT:
            return TitleMatch(
                title, {}, top_score, top_alias.text, (), None, work.steps, KIND_PRODUCT, (), via
            )
        close = {
            target: score
            for target, (score, _) in ranked
            if target not in (PRODUCT, OTHER) and score >= SPLIT_RATIO * top_score
        }
        total = sum(close.values())
        shares = {o: s / total for o, s in close.items()}
        shares = self._builder_share(reading, top_target, top_alias, shares)
        return TitleMatch(
            title, shares, top_score, top_alias.text, (), None, work.steps, KIND_ORIGIN, (), via
        )

    def _in_other_field(self, reading: _Reading, target: str) -> bool:
        """'Financial Analyst', 'Quality Manager, Manufacturing': a field outside every
        origin (the framework's `field_words`, qualifiers included) turns a title away
        from a field-bound origin, unless a software word keeps it there ("Clinical
        Software Engineer", "Data Analyst, Finance") or a technology names its tools."""
        vocabulary = self.vocabulary
        if target not in vocabulary.field_bound:
            return False
        words = {w.english for w in reading.words}
        if not words & vocabulary.fields:
            return False
        return not words & (vocabulary.software | vocabulary.technology)

    def _technology_role(self, reading: _Reading) -> str | None:
        """'iOS Engineer', 'SAP Consultant': a technology beside a role word places the
        title by the role word (the framework's `technology_roles`)."""
        vocabulary = self.vocabulary
        core = [w for w in reading.words if not w.qualifier]
        technology = [w for w in core if w.english in vocabulary.technology]
        roles = [w for w in core if w.stem in vocabulary.technology_roles]
        rest = [
            w
            for w in core
            if w not in technology
            and w not in roles
            and w.stem not in vocabulary.generic
            # a name ("FI" in "SAP FI Consultant") says no more than the technology
            and (w.english in self.lexicon or w.stem in vocabulary.weights)
        ]
        if technology and roles and not rest:
            return vocabulary.technology_roles[roles[-1].stem]
        return None

    def _builder_share(
        self, reading: _Reading, origin: str, alias: _Alias, shares: dict[str, float]
    ) -> dict[str, float]:
        """'Sales Engineer': the department decides, the builder word adds a share."""
        vocabulary = self.vocabulary
        builder = vocabulary.builder_origin
        if builder is None or builder in shares or vocabulary.builder_share <= 0:
            return shares
        own = vocabulary.target_stems.get(origin, frozenset())
        extra = [
            w
            for w in reading.words
            if w.stem in vocabulary.builders and w.stem not in alias.words and w.stem not in own
        ]
        if not extra:
            return shares
        keep = 1 - vocabulary.builder_share
        return {**{o: s * keep for o, s in shares.items()}, builder: vocabulary.builder_share}

    def _by_meaning(
        self, title: str, reading: _Reading, scored: list[_Scored], work: _Work
    ) -> TitleMatch | None:
        """Place a title by meaning, if the nearest target is clearly nearest and the
        title shares a specific word with that target's titles (so a surface likeness
        in a word the rules do not know, "Verpleegkundige" near "Verkoper", is not enough).
        """
        assert self.semantic is not None
        hits = sorted(self.semantic.nearest(reading.text()), key=lambda hit: -hit[2])
        work.steps += 1
        if not hits:
            return None
        target, text, cosine = hits[0]
        runner_up = hits[1][2] if len(hits) > 1 else 0.0
        supported = {alias.target for _, likeness, alias in scored if likeness > 0}
        vocabulary = self.vocabulary
        head = reading.head
        if (
            head is not None
            and head not in vocabulary.generic | vocabulary.builders
            and head not in vocabulary.target_stems.get(target, frozenset())
        ):
            return None  # "Mobile Designer" is not a "Mobile Developer"
        if (
            target == OTHER
            or target not in supported
            or cosine < SEMANTIC_THRESHOLD
            or cosine - runner_up < SEMANTIC_MARGIN
            or self._in_other_field(reading, target)
        ):
            return None
        if target == PRODUCT:
            return TitleMatch(
                title, {}, cosine, text, (), None, work.steps, KIND_PRODUCT, (), VIA_SEMANTIC
            )
        return TitleMatch(
            title, {target: 1.0}, cosine, text, (), None, work.steps, KIND_ORIGIN, (), VIA_SEMANTIC
        )

    def _suggest(self, scored: list[_Scored], limit: int = SUGGESTION_LIMIT) -> tuple[str, ...]:
        """Aliases sharing a specific word with the title, best first, near-duplicates once."""
        ranked = sorted(
            (
                (likeness, alias)
                for _, likeness, alias in scored
                if likeness >= SUGGEST_SHARED and alias.target != OTHER
            ),
            key=lambda pair: (-pair[0], pair[1].text),
        )
        out: list[str] = []
        shapes: list[str] = []
        for _, alias in ranked:
            shape = " ".join(sorted(alias.words))
            if any(shape == s or within_one_edit(shape, s) for s in shapes):
                continue
            shapes.append(shape)
            out.append(alias.text)
            if len(out) == limit:
                break
        return tuple(out)

    def _closest(self, scored: list[_Scored]) -> tuple[str, ...]:
        best: dict[str, float] = {}
        for _, likeness, alias in scored:
            if alias.target in self.vocabulary.origin_ids and likeness > 0:
                best[alias.target] = max(likeness, best.get(alias.target, 0.0))
        return tuple(sorted(best, key=lambda o: (-best[o], o)))[:CLOSEST_LIMIT]

    def suggest(self, title: str, limit: int = SUGGESTION_LIMIT) -> tuple[str, ...]:
        """Aliases that look most like a title, for an "unmatched" message.

        A suggestion shares a specific word with the title (or a word one typo
        away); a title with nothing in common gets none rather than noise, and
        two suggestions never differ only in spelling.
        """
        normal = normalise_title(title)
        if normal.mixed_scripts:
            return ()
        work = _Work()
        reading = _read(normal.text, self.vocabulary, self.lexicon, work)
        return self._suggest(self._scored(reading, work), limit)

    def read_words(self, title: str) -> tuple[str, ...]:
        """The stems a title is read as (after glossary, abbreviations and dropping)."""
        normal = normalise_title(title)
        return _read(normal.text, self.vocabulary, self.lexicon, _Work()).stems


def title_targets(framework: Framework) -> tuple[tuple[str, str], ...]:
    """(target, text) pairs a semantic index embeds: each origin's name, aliases and
    summary; product titles; jobs outside every origin. Targets are origin ids,
    PRODUCT and OTHER."""
    rules = framework.titles
    pairs: list[tuple[str, str]] = []
    for origin in framework.origins:
        pairs.extend((origin.id, text) for text in (origin.name, *origin.aliases))
        pairs.append((origin.id, origin.summary))
    pairs.extend((PRODUCT, text) for text in (rules.product.name, *rules.product.aliases))
    pairs.extend((OTHER, text) for text in rules.other_titles)
    return tuple(pairs)


def _plain_words(text: str, translations: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Stems of an alias (trusted text from the framework)."""
    words: list[str] = []
    folded = _fold(text).replace("&", " and ").replace("+", " and ")
    folded = COMPOUNDS.sub(lambda m: m.group(1) + m.group(2), folded)
    for raw in re.findall(r"[a-z]+", folded):
        if len(raw) < 2:
            continue
        for word in ABBREVIATIONS.get(raw) or translations.get(raw) or (raw,):
            if word in DROPPED_WORDS:
                continue
            stem = _stem(word)
            if stem not in words:
                words.append(stem)
    return tuple(words)


def title_words(title: str) -> tuple[str, ...]:
    """The meaningful, stemmed words of a job title, in order, without repeats.

    A plain reading with no framework (no glossary, no compounds); at most
    MAX_TITLE_WORDS words of at most MAX_WORD_LENGTH letters are read.
    """
    text = normalise_title(title).text
    words = _plain_words(text, {})
    return tuple(w[:MAX_WORD_LENGTH] for w in words[:MAX_TITLE_WORDS])


def _folded_words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(_fold(item) for item in items)


@lru_cache(maxsize=16)
def _vocabulary(framework: Framework) -> TitleVocabulary:
    rules: TitleRules = framework.titles
    translations: dict[str, tuple[str, ...]] = {}
    for english, forms in rules.translations.items():
        for form in forms:
            for piece in _fold(form).split():
                translations.setdefault(piece, (_fold(english),))
    generic_words = _folded_words(rules.generic_words)
    generic = frozenset(_stem(w) for w in generic_words)
    technology = _folded_words(rules.technology_words)
    # Aliases before names: of two equal readings, a job title reads better than a name.
    entries = [
        (origin.id, text) for origin in framework.origins for text in (*origin.aliases, origin.name)
    ]
    entries += [(PRODUCT, text) for text in (*rules.product.aliases, rules.product.name)]
    claimed = {normalise_alias(text) for _, text in entries}
    entries += [
        (OTHER, text) for text in rules.other_titles if normalise_alias(text) not in claimed
    ]
    aliases = []
    for target, text in entries:
        words = _plain_words(text, translations)
        if words:
            head_first = bool(set(re.findall(r"[a-z]+", _fold(text))) & HEAD_FIRST_GLUE)
            head = words[0] if head_first else words[-1]
            written = frozenset(
                word
                for raw in re.findall(r"[a-z]+", _fold(text))
                if len(raw) >= 2
                for word in ABBREVIATIONS.get(raw) or translations.get(raw) or (raw,)
                if word not in DROPPED_WORDS or word in ROLE_RANKS
            )
            generic_only = all(w in generic for w in words)
            aliases.append(_Alias(target, text, words, generic_only, head, written))
    targets_using: dict[str, set[str]] = {}
    users: dict[str, list[int]] = {}
    target_stems: dict[str, set[str]] = {}
    for index, alias in enumerate(aliases):
        for word in alias.words:
            targets_using.setdefault(word, set()).add(alias.target)
            users.setdefault(word, []).append(index)
            target_stems.setdefault(alias.target, set()).add(word)
    count = len({a.target for a in aliases})
    weights = {word: math.log(1 + count / len(used)) for word, used in targets_using.items()}
    typo_index: dict[str, set[str]] = {}
    for word in weights:
        if len(word) >= MIN_TYPO_LENGTH:
            for key in (word, *_deletions(word)):
                typo_index.setdefault(key, set()).add(word)
    known: set[str] = set(generic_words) | set(technology) | set(_folded_words(rules.builder_words))
    known |= _folded_words(rules.field_words) | _folded_words(rules.software_words)
    for _, text in entries:
        known.update(w for w in re.findall(r"[a-z]+", _fold(text)) if len(w) >= 2)
    known.update(_fold(english) for english in rules.translations)
    return TitleVocabulary(
        aliases=tuple(aliases),
        weights=weights,
        generic=generic,
        technology=technology,
        builders=frozenset(_stem(w) for w in _folded_words(rules.builder_words)),
        builder_origin=rules.builder_origin,
        builder_share=rules.builder_share,
        technology_roles={
            _stem(_fold(word)): origin
            for word, origin in rules.technology_roles.items()
            if origin in {o.id for o in framework.origins}
        },
        translations=translations,
        known_words=frozenset(known - DROPPED_WORDS),
        typo_index={key: frozenset(words) for key, words in typo_index.items()},
        users={word: tuple(indexes) for word, indexes in users.items()},
        target_stems={t: frozenset(s) for t, s in target_stems.items()},
        origin_ids=tuple(o.id for o in framework.origins),
        fields=_folded_words(rules.field_words),
        field_bound=frozenset(rules.field_bound_origins),
        software=_folded_words(rules.software_words),
    )
