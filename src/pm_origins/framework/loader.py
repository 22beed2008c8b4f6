"""Load, merge and cross-check framework files.

The bundled data lives in `data/*.yaml`. An organisation's own file may add
records or override bundled ones by id (fields it names replace the bundled
fields; the rest stay). Every problem is reported with the file, the line and
the key path, all at once, so a broken file is fixed in one pass.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pm_origins.framework.schema import (
    Action,
    Competency,
    Framework,
    Item,
    Origin,
    Scale,
    ScoreScale,
    TargetRole,
    Thresholds,
    TitleRules,
)

ENV_VAR = "PM_ORIGINS_FRAMEWORK"
BUNDLED_FILES = (
    "framework.yaml",
    "competencies.yaml",
    "origins.yaml",
    "items.yaml",
    "actions.yaml",
    "roles.yaml",
    "titles.yaml",
)
SECTIONS: dict[str, type[BaseModel]] = {
    "competencies": Competency,
    "origins": Origin,
    "scales": Scale,
    "items": Item,
    "actions": Action,
    "roles": TargetRole,
}
SETTINGS = ("thresholds", "titles", "score_scale")  # mappings a later file updates key by key
ITEM_PARAMETERS = ("provisional", "calibrated")
SCALARS = ("item_parameters",)  # single values a later file replaces
# A name for people; a later file's replaces it. Not part of the content hash.
RELEASE = "release"
TOP_LEVEL_KEYS = (*SECTIONS, *SETTINGS, *SCALARS, RELEASE)

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a framework file."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path or '(top level)'}: {self.message}"


class FrameworkError(ValueError):
    """A framework file that cannot be used; `problems` says every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"The framework has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


@dataclass
class _Source:
    """Where a piece of data came from, so errors can point back at it."""

    file: str
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        # Walk up to the nearest node we know: a missing key is reported at its parent.
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return None


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(text: str, file: str) -> tuple[Any, _Source]:
    """Parse YAML, keeping the line of every key path. Raises FrameworkError."""
    source = _Source(file)
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrameworkError([Problem(file, line, "", f"not valid YAML: {problem}")]) from None
    if root is None:
        return {}, source
    problems: list[Problem] = []
    scalar_loader = yaml.SafeLoader("")

    def build(node: yaml.Node, path: Path_) -> Any:
        source.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = scalar_loader.construct_object(key_node, deep=True)
                if key in out:
                    problems.append(
                        Problem(
                            file,
                            key_node.start_mark.line + 1,
                            _dotted((*path, key)),
                            "duplicate key",
                        )
                    )
                out[key] = build(value_node, (*path, key))
                # A key's own line reads better than where its value starts.
                source.lines[(*path, key)] = key_node.start_mark.line + 1
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(child, (*path, index)) for index, child in enumerate(node.value)]
        return scalar_loader.construct_object(node, deep=True)

    data = build(root, ())
    if problems:
        raise FrameworkError(problems)
    return data, source


@dataclass
class _Record:
    data: dict[str, Any]
    source: _Source
    path: Path_


@dataclass
class _Assembly:
    records: dict[str, dict[str, _Record]] = field(
        default_factory=lambda: {name: {} for name in SECTIONS}
    )
    settings: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {name: {} for name in SETTINGS}
    )
    settings_at: dict[str, tuple[_Source, Path_]] = field(default_factory=dict)
    scalars: dict[str, Any] = field(default_factory=dict)
    release: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def problem(self, source: _Source, path: Path_, message: str) -> None:
        self.problems.append(Problem(source.file, source.line(path), _dotted(path), message))

    def add(self, data: Any, source: _Source) -> None:
        if not isinstance(data, Mapping):
            self.problem(
                source,
                (),
                "the file must be a mapping with keys such as "
                "competencies, origins, items, actions, roles",
            )
            return
        for key, value in data.items():
            if key == RELEASE:
                if not isinstance(value, (str, int, float)) or not str(value).strip():
                    self.problem(source, (key,), 'must be a short name such as "2026.1"')
                    continue
                self.release = str(value).strip()[:40]
            elif key in SETTINGS:
                if not isinstance(value, Mapping):
                    self.problem(source, (key,), "must be a mapping")
                    continue
                self.settings[key].update(value)
                self.settings_at[key] = (source, (key,))
            elif key == "item_parameters":
                if value not in ITEM_PARAMETERS:
                    self.problem(source, (key,), f"must be one of {', '.join(ITEM_PARAMETERS)}")
                    continue
                self.scalars[key] = value
            elif key in SECTIONS:
                self._add_section(str(key), value, source)
            else:
                self.problem(
                    source, (key,), f"unknown section; expected one of {', '.join(TOP_LEVEL_KEYS)}"
                )

    def _add_section(self, name: str, value: Any, source: _Source) -> None:
        if not isinstance(value, list):
            self.problem(source, (name,), "must be a list of records")
            return
        seen: set[str] = set()
        for index, record in enumerate(value):
            path: Path_ = (name, index)
            if not isinstance(record, Mapping) or not isinstance(record.get("id"), str):
                self.problem(source, path, "each record must be a mapping with a text 'id'")
                continue
            record_id = record["id"]
            if record_id in seen:
                self.problem(source, (*path, "id"), f"duplicate id {record_id!r} in this file")
                continue
            seen.add(record_id)
            existing = self.records[name].get(record_id)
            merged = {**existing.data, **record} if existing else dict(record)
            self.records[name][record_id] = _Record(merged, source, path)


def _plural(count: Any, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _lengths(error: Any, limit: str) -> str:
    count = (error.get("ctx") or {}).get(limit, "?")
    if error["type"].startswith("string_"):
        if limit == "min_length" and count == 1:
            return "must not be empty"
        return _plural(count, "character", "characters")
    return _plural(count, "entry", "entries")


def _plain(error: Any) -> str:
    """One validation error in the framework's own words, without the library's jargon
    (no "Tuple should have at least 1 item after validation")."""
    kind: str = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a field of this record (a typing mistake?)"
    if kind in ("too_short", "string_too_short"):
        text = _lengths(error, "min_length")
        return text if text.startswith("must") else f"needs at least {text}"
    if kind in ("too_long", "string_too_long"):
        return f"may have at most {_lengths(error, 'max_length')}"
    if kind == "string_pattern_mismatch":
        return "must be lower-case letters, digits and underscores, starting with a letter"
    limits = {
        "greater_than_equal": ("ge", "at least"),
        "greater_than": ("gt", "more than"),
        "less_than_equal": ("le", "at most"),
        "less_than": ("lt", "less than"),
    }
    if kind in limits:
        key, words = limits[kind]
        return f"must be {words} {ctx.get(key)}"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error") or error["msg"])
    if kind in ("literal_error", "enum"):
        return f"must be one of {ctx.get('expected', 'the allowed values')}"
    types = {
        "string_type": "must be text",
        "int_type": "must be a whole number",
        "int_parsing": "must be a whole number",
        "int_from_float": "must be a whole number",
        "float_type": "must be a number",
        "float_parsing": "must be a number",
        "bool_type": "must be true or false",
        "bool_parsing": "must be true or false",
        "list_type": "must be a list",
        "tuple_type": "must be a list",
        "dict_type": "must be a mapping of keys to values",
        "model_type": "must be a mapping of keys to values",
        "model_attributes_type": "must be a mapping of keys to values",
    }
    if kind in types:
        return types[kind]
    message = str(error["msg"])
    return message[:1].lower() + message[1:]


def _validate(assembly: _Assembly) -> dict[str, list[Any]]:
    built: dict[str, list[Any]] = {name: [] for name in SECTIONS}
    for name, model in SECTIONS.items():
        for record in assembly.records[name].values():
            try:
                built[name].append(model.model_validate(record.data))
            except ValidationError as exc:
                for error in exc.errors():
                    loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
                    assembly.problem(record.source, (*record.path, *loc), _plain(error))
    return built


def _cross_check(
    assembly: _Assembly, built: dict[str, list[Any]], thresholds: Thresholds, *, complete: bool
) -> None:
    """Check how records refer to each other. Runs over every record that loaded, so one
    run lists shape problems, unknown references and alias clashes together;
    ``complete`` is False when some records failed to load."""
    # Every competency record counts as known, even one with problems of its own,
    # so a broken competency does not also make each use of it "unknown".
    competency_ids = list(assembly.records["competencies"])
    known = set(competency_ids)
    known_list = ", ".join(competency_ids)
    scales = set(assembly.records["scales"])

    def at(name: str, record_id: str) -> _Record:
        return assembly.records[name][record_id]

    def check_competency(name: str, record_id: str, sub: Path_, value: str) -> None:
        if value not in known:
            record = at(name, record_id)
            assembly.problem(
                record.source,
                (*record.path, *sub),
                f"unknown competency {value!r}; known: {known_list}",
            )

    for origin in built["origins"]:
        for field_name in ("strengths", "weaknesses"):
            for index, value in enumerate(getattr(origin, field_name)):
                check_competency("origins", origin.id, (field_name, index), value)
        record = at("origins", origin.id)
        for value in sorted(set(origin.strengths) & set(origin.weaknesses)):
            assembly.problem(
                record.source,
                (*record.path, "weaknesses"),
                f"{value!r} is listed as both a strength and a weakness",
            )
        for value in origin.expected:
            check_competency("origins", origin.id, ("expected", value), value)
        missing = [c for c in competency_ids if c not in origin.expected]
        if missing:
            assembly.problem(
                record.source,
                (*record.path, "expected"),
                f"needs a score for every competency; missing: {', '.join(missing)}",
            )
        for index, advice in enumerate(origin.advice):
            check_competency(
                "origins", origin.id, ("advice", index, "competency"), advice.competency
            )
        advised = {a.competency for a in origin.advice}
        for weakness in origin.weaknesses:
            if weakness in known and weakness not in advised:
                assembly.problem(
                    record.source,
                    (*record.path, "advice"),
                    f"no advice for the weakness {weakness!r}",
                )

    points = {s.id: s.points for s in built["scales"]}
    for item in built["items"]:
        check_competency("items", item.id, ("competency",), item.competency)
        if item.scale not in scales:
            record = at("items", item.id)
            assembly.problem(
                record.source,
                (*record.path, "scale"),
                f"unknown scale {item.scale!r}; known: {', '.join(sorted(scales))}",
            )
        elif item.scale in points and len(item.thresholds) != points[item.scale] - 1:
            record = at("items", item.id)
            assembly.problem(
                record.source,
                (*record.path, "thresholds"),
                f"needs {points[item.scale] - 1} thresholds, one fewer than the answers "
                f"of the scale {item.scale!r}; got {len(item.thresholds)}",
            )
    origin_ids = {o.id for o in built["origins"]}
    for action in built["actions"]:
        check_competency("actions", action.id, ("competency",), action.competency)
        for index, value in enumerate(action.uses):
            check_competency("actions", action.id, ("uses", index), value)
        for index, value in enumerate(action.origins):
            if value not in origin_ids:
                record = at("actions", action.id)
                assembly.problem(
                    record.source,
                    (*record.path, "origins", index),
                    f"unknown origin {value!r}; known: {', '.join(sorted(origin_ids))}",
                )
    for role in built["roles"]:
        for value in role.expectations:
            check_competency("roles", role.id, ("expectations", value), value)
        missing = [c for c in competency_ids if c not in role.expectations]
        if missing:
            record = at("roles", role.id)
            assembly.problem(
                record.source,
                (*record.path, "expectations"),
                f"needs an expectation for every competency; missing: {', '.join(missing)}",
            )

    _check_aliases(assembly, built["origins"])
    if complete:
        # Counting items and actions means little while some records failed to load.
        _check_coverage(assembly, built, competency_ids, thresholds)


def normalise_alias(title: str) -> str:
    """The form two aliases are compared in: case, accents and punctuation folded."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", folded.lower()))


def _check_aliases(assembly: _Assembly, origins: list[Origin]) -> None:
    owner: dict[str, str] = {}
    for origin in origins:
        record = assembly.records["origins"][origin.id]
        for index, alias in enumerate(origin.aliases):
            key = normalise_alias(alias)
            if key in owner and owner[key] != origin.id:
                assembly.problem(
                    record.source,
                    (*record.path, "aliases", index),
                    f"alias {alias!r} is already claimed by origin {owner[key]!r}",
                )
            owner.setdefault(key, origin.id)


def _check_coverage(
    assembly: _Assembly,
    built: dict[str, list[Any]],
    competency_ids: list[str],
    thresholds: Thresholds,
) -> None:
    for competency_id in competency_ids:
        record = assembly.records["competencies"][competency_id]
        count = sum(1 for item in built["items"] if item.competency == competency_id)
        if count < thresholds.min_items:
            assembly.problem(
                record.source,
                record.path,
                f"competency {competency_id!r} has {count} questionnaire item(s); "
                f"at least {thresholds.min_items} are needed",
            )
        if not any(action.competency == competency_id for action in built["actions"]):
            assembly.problem(
                record.source, record.path, f"competency {competency_id!r} has no growth actions"
            )
    for name in ("competencies", "origins", "items", "roles"):
        if not built[name] and not assembly.problems:
            assembly.problems.append(Problem("(framework)", None, name, "no records at all"))


def _content_version(data: Mapping[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def _finish(assembly: _Assembly) -> Framework:
    built = _validate(assembly)
    thresholds = _setting(assembly, "thresholds", Thresholds) or Thresholds()
    titles = _setting(assembly, "titles", TitleRules) or TitleRules()
    score_scale = _setting(assembly, "score_scale", ScoreScale) or ScoreScale()
    item_parameters = assembly.scalars.get("item_parameters", "provisional")
    complete = not assembly.problems
    _cross_check(assembly, built, thresholds, complete=complete)
    _check_titles(assembly, built["origins"], titles)
    if assembly.problems:
        raise FrameworkError(assembly.problems)
    content: dict[str, Any] = {
        name: [r.model_dump(mode="json") for r in records] for name, records in built.items()
    }
    content["thresholds"] = thresholds.model_dump(mode="json")
    content["titles"] = titles.model_dump(mode="json")
    content["score_scale"] = score_scale.model_dump(mode="json")
    content["item_parameters"] = item_parameters
    return Framework(
        version=_content_version(content),
        release=assembly.release,
        thresholds=thresholds,
        titles=titles,
        score_scale=score_scale,
        item_parameters=item_parameters,
        **{name: tuple(records) for name, records in built.items()},
    )


_Setting = TypeVar("_Setting", Thresholds, TitleRules, ScoreScale)


def _setting(assembly: _Assembly, name: str, model: type[_Setting]) -> _Setting | None:
    try:
        return model.model_validate(assembly.settings[name])
    except ValidationError as exc:
        _setting_problems(assembly, name, exc)
        return None


def _setting_problems(assembly: _Assembly, name: str, exc: ValidationError) -> None:
    source, base = assembly.settings_at.get(name) or (_Source("(framework)"), (name,))
    for error in exc.errors():
        loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
        assembly.problem(source, (*base, *loc), error["msg"])


def _check_titles(assembly: _Assembly, origins: list[Origin], titles: TitleRules) -> None:
    """A product title may not be an origin's alias; the builder origin, the origins of
    technology roles and the field-bound origins must exist.

    An other-job title that an origin claims (an organisation adding a Data
    Science origin) simply yields to the origin: the matcher leaves it out.
    """
    source, base = assembly.settings_at.get("titles") or (_Source("(framework)"), ("titles",))
    owner = {normalise_alias(a): o.id for o in origins for a in o.aliases}
    for index, alias in enumerate(titles.product.aliases):
        claimed = owner.get(normalise_alias(alias))
        if claimed is not None:
            assembly.problem(
                source,
                (*base, "product", "aliases", index),
                f"title {alias!r} is already an alias of origin {claimed!r}",
            )
    known = [o.id for o in origins]
    for word, origin in titles.technology_roles.items():
        if origin not in known:
            assembly.problem(
                source,
                (*base, "technology_roles", word),
                f"unknown origin {origin!r}; known: {', '.join(known)}",
            )
    for index, origin in enumerate(titles.field_bound_origins):
        if origin not in known:
            assembly.problem(
                source,
                (*base, "field_bound_origins", index),
                f"unknown origin {origin!r}; known: {', '.join(known)}",
            )
    if titles.builder_origin is not None and titles.builder_origin not in known:
        assembly.problem(
            source,
            (*base, "builder_origin"),
            f"unknown origin {titles.builder_origin!r}; known: {', '.join(known)}",
        )


def _bundled_assembly() -> _Assembly:
    assembly = _Assembly()
    folder = resources.files("pm_origins.framework") / "data"
    for name in BUNDLED_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        data, source = read_yaml(text, f"<bundled>/{name}")
        assembly.add(data, source)
    return assembly


def framework_path_from_env() -> Path | None:
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value) if value else None


def load_framework(path: str | Path | None = None) -> Framework:
    """The bundled framework, with the file at `path` (if any) merged over it.

    Args:
        path: a user's YAML file; None means bundled data only.
    Returns:
        A cross-checked Framework.
    Raises:
        FrameworkError: listing every problem with file, line and key path.
    """
    if path is None:
        return _load_bundled()
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise FrameworkError(
            [Problem(str(file), None, "", f"cannot read the file: {reason}")]
        ) from None
    stat = file.stat()
    return _load_with_file(str(file.resolve()), stat.st_mtime_ns, stat.st_size, text)


@lru_cache(maxsize=1)
def _load_bundled() -> Framework:
    return _finish(_bundled_assembly())


@lru_cache(maxsize=8)
def _load_with_file(resolved: str, _mtime: int, _size: int, text: str) -> Framework:
    assembly = _bundled_assembly()
    data, source = read_yaml(text, resolved)
    assembly.add(data, source)
    return _finish(assembly)


def framework_data(framework: Framework) -> dict[str, Any]:
    """The framework as plain data, e.g. to store beside results."""
    return framework.model_dump(mode="json")


def framework_from_data(data: Mapping[str, Any]) -> Framework:
    """Rebuild a framework stored with `framework_data`, keeping its recorded version."""
    return Framework.model_validate(data)
