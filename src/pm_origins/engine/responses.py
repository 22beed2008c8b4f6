"""The responses exchange format: a CSV of raw answers, one row per person.

The header names question ids (an optional first column `respondent` holds a
label that is ignored); each row has one person's raw answers, 1 .. the
item's scale length as asked (reverse-keyed items are not flipped), and a blank
cell where the person gave no answer. `pm-origins calibrate` and
`pm-origins reliability` read it; the site writes it for its stored responses.

Text in, text out: reading a file or a database is the caller's job.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pm_origins.engine.errors import EngineInputError
from pm_origins.engine.irt import FloatArray
from pm_origins.framework import Framework

RESPONDENT_COLUMN = "respondent"
MAX_RESPONDENTS = 100_000
_SHOWN = 5  # problems named in one message before "and N more"


@dataclass(frozen=True)
class ResponseTable:
    """Raw answers read from the exchange format."""

    item_ids: tuple[str, ...]
    answers: FloatArray  # (respondents, items): 1 .. points, NaN where blank

    @property
    def respondents(self) -> int:
        return int(self.answers.shape[0])


def _listed(values: Sequence[str]) -> str:
    shown = ", ".join(repr(v) for v in values[:_SHOWN])
    return shown + (f" and {len(values) - _SHOWN} more" if len(values) > _SHOWN else "")


def _header(framework: Framework, row: list[str], source: str) -> tuple[bool, list[str]]:
    cells = [cell.strip() for cell in row]
    labelled = bool(cells) and cells[0].lower() == RESPONDENT_COLUMN
    item_ids = cells[1:] if labelled else cells
    if len(cells) == 1 and (";" in cells[0] or "\t" in cells[0]):
        raise EngineInputError(
            f"{source}: the header is one column; separate the question ids with commas."
        )
    known = {item.id for item in framework.items}
    unknown = [i for i in item_ids if i not in known]
    if unknown:
        raise EngineInputError(
            f"{source}: the header names question ids this framework does not have: "
            f"{_listed(unknown)}. Use the ids listed by `pm-origins framework show --format "
            f"json`, with `{RESPONDENT_COLUMN}` allowed as the first column."
        )
    repeated = sorted(item_id for item_id, count in Counter(item_ids).items() if count > 1)
    if repeated:
        raise EngineInputError(
            f"{source}: the header names {_listed(repeated)} more than once; "
            f"each question gets one column."
        )
    if not item_ids:
        raise EngineInputError(f"{source}: the header names no question ids.")
    return labelled, item_ids


def read_responses(framework: Framework, text: str, *, source: str = "the file") -> ResponseTable:
    """Parse the exchange format.

    Args:
        framework: the questions the ids and answers are checked against.
        text: the whole CSV as text.
        source: how to name the input in error messages (such as its path).
    Returns:
        A ResponseTable with one row per person.
    Raises:
        EngineInputError: one paragraph saying what is wrong and where.
    """
    reader = csv.reader(io.StringIO(text))
    try:
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise EngineInputError(
            f"{source} is not a readable CSV file (line {reader.line_num}: {exc})."
        ) from None
    if not rows:
        raise EngineInputError(
            f"{source} is empty; it needs a header row of question ids and one row per person."
        )
    labelled, item_ids = _header(framework, rows[0], source)
    body = rows[1:]
    if not body:
        raise EngineInputError(f"{source} has a header but no rows of answers.")
    if len(body) > MAX_RESPONDENTS:
        raise EngineInputError(
            f"{source} has {len(body):,} rows of answers; at most {MAX_RESPONDENTS:,} are "
            f"accepted. Use a random sample of that size."
        )
    width = len(item_ids) + labelled
    points = [framework.scale(framework.item(i).scale).points for i in item_ids]
    answers = np.full((len(body), len(item_ids)), np.nan)
    ragged: list[str] = []
    off_scale: list[str] = []
    for number, row in enumerate(body, start=2):
        if len(row) != width:
            ragged.append(f"line {number} has {len(row)}")
            continue
        for column, cell in enumerate(row[labelled:]):
            value = cell.strip()
            if not value:
                continue
            if value.isascii() and value.isdigit() and 1 <= int(value) <= points[column]:
                answers[number - 2, column] = float(value)
            else:
                off_scale.append(f"line {number}, {item_ids[column]!r}: {value[:20]!r}")
    if ragged:
        raise EngineInputError(
            f"{source}: every row needs {width} cells like the header, but "
            f"{'; '.join(ragged[:_SHOWN])}"
            + (f" (and {len(ragged) - _SHOWN} more rows)" if len(ragged) > _SHOWN else "")
            + ". Leave a cell empty, not out, for a question that was not answered."
        )
    if off_scale:
        top = max(points)
        raise EngineInputError(
            f"{source}: answers must be whole numbers from 1 to {top} (blank for no answer); "
            f"{len(off_scale)} cell(s) are not: {'; '.join(off_scale[:_SHOWN])}"
            + (" and more" if len(off_scale) > _SHOWN else "")
            + "."
        )
    return ResponseTable(tuple(item_ids), answers)


def responses_csv(item_ids: Sequence[str], rows: Iterable[Mapping[str, object]]) -> Iterator[str]:
    """The exchange format, line by line: a header, then one line per person.

    Args:
        item_ids: the columns, in order.
        rows: each person's answers by item id; ids not in `item_ids` and
            values that are not whole numbers are left out (blank).
    Yields:
        Lines ending in a newline; respondents are numbered 1, 2, ...
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: Sequence[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line([RESPONDENT_COLUMN, *item_ids])
    for number, answers in enumerate(rows, start=1):
        cells: list[object] = [number]
        for item_id in item_ids:
            value = answers.get(item_id)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                cells.append("")
            elif math.isfinite(value) and value == int(value):
                cells.append(int(value))
            else:
                cells.append("")
        yield line(cells)
