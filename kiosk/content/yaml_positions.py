"""Read YAML and remember where each value stands, so errors can name a line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

#: libyaml's parser when PyYAML has it (ten times faster); the values are built in Python.
_Composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlDocument:
    """Parsed YAML plus the line of every key and list item."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        """Parse `text`, which starts at line `first_line` of its file; raises YamlError."""
        self.first_line = first_line
        try:
            self.node = yaml.compose(text, Loader=_Composer)  # parsed once, with positions
            self.data: Any = (
                None if self.node is None else SafeConstructor().construct_document(self.node)
            )
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = first_line + mark.line if mark else None
            problem = error.problem or error.context or "not valid YAML"
            raise YamlError(f"not valid YAML: {problem}", line) from error
        except yaml.YAMLError as error:
            raise YamlError(f"not valid YAML: {error}", None) from error

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of the entry at `path`, or of its nearest parent that exists."""
        node: yaml.Node | None = self.node
        line: int | None = self.first_line  # a missing top-level entry: the document's start
        for step in path:
            found = self._child(node, step)
            if found is None:
                break
            line, node = self._line(found[0]), found[1]
        return line

    def _line(self, node: yaml.Node | None) -> int | None:
        return self.first_line + node.start_mark.line if node is not None else None

    @staticmethod
    def _child(node: yaml.Node | None, step: str | int) -> tuple[yaml.Node, yaml.Node] | None:
        """(node whose line names the entry, node to descend into) for one step of a path."""
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    return key, value
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if 0 <= step < len(node.value):
                return node.value[step], node.value[step]
        return None


class YamlError(ValueError):
    """YAML that cannot be parsed, with the line of the fault."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
