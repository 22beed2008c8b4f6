"""Run by the reference venv's Python (torch + sentence-transformers), never imported.

Reads {"model": folder, "sentences": [...], "batch_size": n, "repeats": r} as JSON
on stdin and prints {"seconds": [...], "load_seconds": s, "embeddings": [[...]]}:
the same model folder, encoded by sentence-transformers on the CPU, offline.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"


def main() -> None:
    request = json.load(sys.stdin)
    start = time.perf_counter()
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(request["model"], device="cpu")
    load_seconds = time.perf_counter() - start
    sentences = request["sentences"]
    batch_size = int(request.get("batch_size", 64))
    model.encode(sentences[:batch_size], batch_size=batch_size)  # warm-up
    seconds = []
    embeddings = None
    for _ in range(int(request.get("repeats", 1))):
        start = time.perf_counter()
        embeddings = model.encode(
            sentences, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        seconds.append(time.perf_counter() - start)
    assert embeddings is not None
    json.dump(
        {
            "seconds": seconds,
            "load_seconds": load_seconds,
            "embeddings": embeddings.tolist() if request.get("return_embeddings") else [],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
