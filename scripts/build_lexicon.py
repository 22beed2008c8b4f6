"""Build src/pm_origins/framework/data/lexicon.txt.gz, the word list that keeps typo
tolerance from turning one real word into another ("mechanical" into "technical").

It takes the most frequent words of pyspellchecker's MIT-licensed frequency lists
(English, German, French, Spanish, Portuguese, Dutch), folds accents and case as
the title matcher does, and keeps words of 5 to 32 letters (shorter words are
never corrected). Run it in a throw-away venv:

    python -m venv /tmp/lexicon && /tmp/lexicon/bin/pip install pyspellchecker
    /tmp/lexicon/bin/python scripts/build_lexicon.py
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

TOP_WORDS = {"en": 50_000, "de": 20_000, "fr": 20_000, "es": 20_000, "pt": 20_000, "nl": 20_000}
OUT = Path(__file__).resolve().parent.parent / "src/pm_origins/framework/data/lexicon.txt.gz"
WORD = re.compile(r"[a-z]{5,32}")


def fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def main() -> None:
    folder = resources.files("spellchecker") / "resources"
    words: set[str] = set()
    for language, count in TOP_WORDS.items():
        with gzip.open(str(folder / f"{language}.json.gz"), "rt", encoding="utf-8") as handle:
            frequencies: dict[str, int] = json.load(handle)
        kept = 0
        for word, _ in sorted(frequencies.items(), key=lambda kv: (-kv[1], kv[0])):
            folded = fold(word)
            if WORD.fullmatch(folded):
                words.add(folded)
                kept += 1
                if kept == count:
                    break
    text = "\n".join(sorted(words)) + "\n"
    # mtime=0: the same words give the same bytes.
    OUT.write_bytes(gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
