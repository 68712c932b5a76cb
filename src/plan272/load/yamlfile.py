"""A safe, line-aware YAML reader.

PyYAML composes the node tree (with marks); we construct plain Python values ourselves so that:
- every mapping key and sequence item records its 1-based line (path -> line);
- duplicate keys are problems (with both lines), not a silent "last one wins";
- only the core tags are allowed: nothing builds objects;
- aliases are expanded with a budget, so a "billion laughs" file fails fast;
- a float literal becomes a ``Decimal`` from its text (``20.200`` stays visibly ambiguous for
  amounts instead of becoming 20.2), dates stay text for pydantic to read.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from plan272.load.csvfile import MAX_TEXT, too_long
from plan272.messages import Amount, Message, Words
from plan272.names import nfc
from plan272.problems import Location, Problem
from plan272.safety import has_surrogate

Path_ = tuple[str | int, ...]
MAX_NODES = 100_000
#: the deepest nesting of values: a plan nests about 8 deep
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
#: YAML 1.2's booleans; YAML 1.1 also reads yes/no/on/off/y/n as booleans, here they stay text
_BOOLEANS = {"true": True, "false": False}


def _field(path: Path_) -> str | None:
    return ".".join(str(p) for p in path) or None


class _Budget(Exception):
    line: int | None = None


class _TooDeep(_Budget):
    pass


class _Builder:
    def __init__(self, file: str) -> None:
        import yaml

        self.yaml = yaml
        self.file = file
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: Any, path: Path_, message: Message, value: str | None = None) -> None:
        self.problems.append(
            Problem(Location(self.file, node.start_mark.line + 1, _field(path)), message, value)
        )

    def build(self, node: Any, path: Path_, stack: tuple[int, ...] = ()) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Budget
        if id(node) in stack:
            self.problem(node, path, Message("load.yaml.recursive-alias"))
            return None
        yaml = self.yaml
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _CORE + "seq":
                self.problem(node, path, Message("load.yaml.tag", tag=node.tag))
                return None
            out: list[Any] = []
            for index, item in enumerate(node.value):
                self.lines.setdefault((*path, index), item.start_mark.line + 1)
                out.append(self.build(item, (*path, index), (*stack, id(node))))
            return out
        if isinstance(node, yaml.MappingNode):
            if node.tag != _CORE + "map":
                self.problem(node, path, Message("load.yaml.tag", tag=node.tag))
                return None
            result: dict[Any, Any] = {}
            first: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _CORE + "merge":
                    self.problem(key_node, path, Message("load.yaml.merge-key"))
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problem(key_node, path, Message("load.yaml.key-not-plain"))
                    continue
                key = self.scalar(key_node, path)
                if isinstance(key, str) and "\ufffd" in key and has_surrogate(key_node.value):
                    continue  # reported by scalar()
                line = key_node.start_mark.line + 1
                try:
                    hash(key)
                except TypeError:
                    self.problem(key_node, path, Message("load.yaml.key-not-plain"))
                    continue
                if key in first:
                    message = Message("load.yaml.duplicate-key", key=repr(key), line=first[key])
                    self.problem(key_node, (*path, key), message)
                    continue
                first[key] = line
                self.lines.setdefault((*path, key), line)
                result[key] = self.build(value_node, (*path, key), (*stack, id(node)))
            return result
        self.problem(node, path, Message("load.yaml.unsupported-node"))  # pragma: no cover
        return None

    def scalar(self, node: Any, path: Path_) -> Any:
        tag = node.tag
        value = node.value
        if tag == _CORE + "str":
            if len(value) > MAX_TEXT:
                problem = too_long(Location(self.file, node.start_mark.line + 1, _field(path)), value)
                self.problems.append(problem)
                value = value[:MAX_TEXT]
            if has_surrogate(value):  # "\ud800" escaped in a quoted string: no text can carry it
                self.problem(node, path, Message("load.yaml.surrogate"))
                return nfc("".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in value))
            return nfc(value)
        if tag == _CORE + "null":
            return None
        if tag == _CORE + "bool":
            if value.lower() in _BOOLEANS:
                return _BOOLEANS[value.lower()]
            return nfc(value)  # yes, no, on, off: text, never a silent boolean
        if tag == _CORE + "int":
            if not _PLAIN_INT.fullmatch(value):
                # YAML 1.1 reads 012 as octal 10, 1:20 as 80, 2_021 and +2021 as 2021: never guess
                self.problem(node, path, Message("load.yaml.plain-integer"), value)
                return value
            if len(value.lstrip("-")) > 4000:
                self.problem(node, path, Message("load.yaml.integer-too-long"), value[:20] + "…")
                return value
            return int(value)
        if tag == _CORE + "float":
            if "_" in value or value.startswith("+"):
                self.problem(node, path, Message("load.yaml.plain-number"), value)
                return value
            try:
                number = Decimal(value)
            except InvalidOperation:
                self.problem(node, path, Message("load.number.not-finite"), value)
                return value
            if not number.is_finite():
                self.problem(node, path, Message("load.number.not-finite"), value)
                return value
            return number
        if tag == _CORE + "timestamp":
            return value
        self.problem(node, path, Message("load.yaml.tag-plain", tag=tag), value)
        return None


def _counting_loader() -> Any:
    """PyYAML's safe loader that stops composing after :data:`MAX_NODES` nodes — before the tree
    of a huge file is built in memory (the builder counts alias expansions separately)."""
    import yaml

    class Counting(yaml.SafeLoader):
        nodes = 0
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self.nodes += 1
            if self.nodes > MAX_NODES or self.depth >= MAX_DEPTH:
                budget = _Budget() if self.nodes > MAX_NODES else _TooDeep()
                budget.line = self.peek_event().start_mark.line + 1  # type: ignore[no-untyped-call]
                raise budget
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return Counting


_UNREAD = object()


def _fast_node(text: str) -> Any:
    """The node tree by libyaml (PyYAML's C parser and composer, several times faster than the pure
    one), or :data:`_UNREAD` when libyaml is not there or anything is not plainly fine: an error,
    more than :data:`MAX_NODES` nodes, a node nested :data:`MAX_DEPTH` deep. The events are counted
    first, as the pure loader counts nodes, so the C composer (which recurses once per level) never
    sees a deep or huge file; anything refused here is read again by the pure loader, whose located
    messages are the ones a user sees. Both build the same nodes (marks, tags, styles)."""
    import yaml

    if not getattr(yaml, "__with_libyaml__", False):
        return _UNREAD
    try:
        level = nodes = 0
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                level -= 1
                continue
            if isinstance(event, yaml.NodeEvent):  # a scalar, an alias or a collection's start
                nodes += 1
                if nodes > MAX_NODES or level >= MAX_DEPTH:
                    return _UNREAD
                if isinstance(event, yaml.CollectionStartEvent):
                    level += 1
        loader = yaml.CSafeLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    except Exception:  # the pure loader reads it again and says what is wrong
        return _UNREAD


def load_yaml(text: str, file: str) -> tuple[Any, dict[Path_, int], list[Problem]]:
    """Parse ``text``; return the data (or ``None``), the path -> line map and the problems."""
    node = _fast_node(text)
    if node is _UNREAD:
        node, problems = _pure_node(text, file)
        if problems:
            return None, {}, problems
    if node is None:
        return None, {}, [Problem(Location(file), Message("load.file.empty"), fatal=True)]
    return _build(node, file)


def _pure_node(text: str, file: str) -> tuple[Any, list[Problem]]:
    """The node tree by PyYAML's pure loader, counting nodes and levels as it composes, or the
    located problem that stopped it."""
    import yaml

    loader: yaml.SafeLoader | None = None
    try:
        loader = _counting_loader()(text)  # checks the characters: may raise ReaderError already
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        # PyYAML's own words (in English): an argument
        message = Message("load.yaml.invalid", error=str(exc.problem or exc.context))
        return None, [Problem(Location(file, line), message, fatal=True)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        message = Message("load.yaml.character", character=char, reason=str(exc.reason))
        return None, [Problem(Location(file, line), message, fatal=True)]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(file), Message("load.yaml.invalid", error=str(exc)), fatal=True)]
    except RecursionError:  # the composer recurses once per nesting level
        return None, [Problem(Location(file, 1), Message("load.yaml.too-deep"), fatal=True)]
    except _TooDeep as exc:
        message = Message("load.yaml.too-deep-levels", levels=MAX_DEPTH)
        return None, [Problem(Location(file, exc.line), message, fatal=True)]
    except _Budget as exc:
        line = getattr(exc, "line", None)
        message = Message("load.yaml.too-many-values", limit=Amount(MAX_NODES))
        return None, [Problem(Location(file, line), message, fatal=True)]
    finally:
        if loader is not None:
            loader.dispose()
    return node, []


def _build(node: Any, file: str) -> tuple[Any, dict[Path_, int], list[Problem]]:
    """The values of the node tree, with their lines and the problems of their values."""
    builder = _Builder(file)
    try:
        data = builder.build(node, ())
    except _Budget:
        # the English has always written this bound without grouping; Vietnamese groups it
        limit = Words(str(MAX_NODES), Amount(MAX_NODES).render("vi"))
        message = Message("load.yaml.aliases-unbounded", limit=limit)
        return None, {}, [Problem(Location(file, 1), message, fatal=True)]
    except RecursionError:
        return None, {}, [Problem(Location(file, 1), Message("load.yaml.too-deep"), fatal=True)]
    return data, builder.lines, builder.problems
