"""The framework's title data (titles.yaml): bundled, overridable, and checked."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pm_origins.engine import TitleMatcher
from pm_origins.framework import Framework, FrameworkError, load_framework


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "custom.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_bundled_title_data_is_loaded(framework: Framework) -> None:
    rules = framework.titles
    assert "Product Owner" in rules.product.aliases
    assert {"engineer", "manager", "technical", "lead", "senior", "specialist", "consultant",
            "associate", "officer"} <= set(rules.generic_words)  # fmt: skip
    assert rules.builder_origin == "development"
    assert rules.translations["developer"]


def test_a_user_file_replaces_only_the_title_keys_it_names(
    tmp_path: Path, framework: Framework
) -> None:
    loaded = load_framework(
        write(tmp_path, "titles:\n  product:\n    aliases: [Product Owner, Product Wizard]\n")
    )
    assert loaded.titles.product.aliases == ("Product Owner", "Product Wizard")
    assert loaded.titles.generic_words == framework.titles.generic_words
    assert TitleMatcher.for_framework(loaded).match("Product Wizard").kind == "product"


def test_a_product_title_may_not_be_an_origin_alias(tmp_path: Path) -> None:
    with pytest.raises(FrameworkError) as caught:
        load_framework(write(tmp_path, "titles:\n  product:\n    aliases: [QA Engineer]\n"))
    assert "title 'QA Engineer' is already an alias of origin 'qa'" in str(caught.value)
    assert "custom.yaml:3: titles.product.aliases[0]" in str(caught.value)


@pytest.mark.parametrize(
    "text, says",
    [
        ("titles:\n  builder_origin: plumbing\n", "unknown origin 'plumbing'"),
        ("titles:\n  technology_roles: {admin: plumbing}\n", "unknown origin 'plumbing'"),
        ("titles:\n  field_bound_origins: [qa, plumbing]\n", "field_bound_origins.1"),
        ("titles:\n  builder_share: 2\n", "less than or equal to 0.5"),
        ("titles: [a, b]\n", "must be a mapping"),
    ],
)
def test_bad_title_data_is_reported_with_its_place(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(FrameworkError, match=says):
        load_framework(write(tmp_path, text))


def test_an_origin_that_claims_an_other_job_title_wins(tmp_path: Path) -> None:
    loaded = load_framework(
        write(
            tmp_path,
            """\
            origins:
              - id: qa
                aliases: [QA Engineer, Data Scientist]
            """,
        )
    )
    assert "Data Scientist" in loaded.titles.other_titles
    assert TitleMatcher.for_framework(loaded).match("Data Scientist").shares == {"qa": 1.0}
