"""The tree is the architecture: each subpackage is a layer, and no module imports upward or in a cycle.

Imports are read from the source (``ast``), including those inside functions; imports under
``if TYPE_CHECKING:`` are skipped, since they never run. The layers, lowest first, are those
``docs/architecture.md`` draws.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "lifemeeting"

LAYERS = [  # lowest first; a module may import its own layer and those below it
    {"errors", "version", "suggest"},
    {"source", "dates"},
    {"ruleset"},
    {"case"},
    {"engine"},
    {"answers"},
    {"render", "spec"},
    {"bulk", "store"},
    {"service"},
    {"cli", "__main__", "__init__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for branch in node.orelse:
                visit(branch)
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _graph() -> nx.DiGraph:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for target in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if target in modules and target != name and not name.startswith(target + "."):
                graph.add_edge(name, target)
    return graph


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_subpackage_has_a_layer() -> None:
    assert {_layer(m) for m in _graph().nodes} <= set(RANK)


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [f"{a} → {b}" for a, b in _graph().edges if RANK[_layer(b)] > RANK[_layer(a)] and _layer(a) != "__init__"]
    assert upward == []


def test_no_import_cycles() -> None:
    assert sorted(sorted(c) for c in nx.simple_cycles(_graph())) == []


@pytest.mark.parametrize("module", ["lifemeeting.engine.replay", "lifemeeting.ruleset.load"])
def test_the_graph_sees_imports(module: str) -> None:
    """Guard against a test that cannot fail: the graph does hold the engine's and loader's imports."""
    assert _graph().out_degree(module) >= 3
