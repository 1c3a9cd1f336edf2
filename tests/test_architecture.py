"""The shape of the house, checked on the source: layers that only look down, no import cycle, public names
across modules, small modules and functions, and a light ``import diplolib``.

Every rule reads the whole package, so a module added later is held to it too.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import diplolib

PACKAGE = Path(diplolib.__file__).resolve().parent

#: The layers, bottom first (README, "Architecture"): a module may import its own layer and those below.
LAYERS = [
    ("base", ["diplolib._tables", "diplolib._lazy", "diplolib.paths", "diplolib.segment", "diplolib.tokens",
              "diplolib.stats", "diplolib.normalize.text", "diplolib.normalize.matching",
              "diplolib.normalize._charmap", "diplolib._memory"]),
    ("readers", ["diplolib.readers"]),
    ("load", ["diplolib.normalize", "diplolib.load", "diplolib.describe"]),
    ("beside load", ["diplolib.datasets", "diplolib.store"]),
    ("annotators", ["diplolib.actors", "diplolib.themes", "diplolib.events"]),
    ("analyses", ["diplolib.comention", "diplolib.topics"]),
    ("top", ["diplolib.plots", "diplolib.figures", "diplolib.cli", "diplolib.parallel"]),
]
#: Exceptions, each with its reason.
PRIVATE_IMPORTS_ALLOWED = {
    ("diplolib.actors.discover", "diplolib.actors.tagger", "_key"): "actors/ is being split by issue 12",
}
LONG_MODULES_ALLOWED: dict[str, str] = {}
LONG_FUNCTIONS_ALLOWED: dict[tuple[str, str], str] = {}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80  # lines of code from ``def`` to the end, the docstring not counted
HEAVY = ("sklearn", "scipy", "networkx", "spacy", "torch")


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, str | None, int]]:
    """``(module imported, name imported or None, line)`` for every import of a diplolib module, at any depth."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in MODULES:
                    found.append((sub, None, node.lineno))
                elif base in MODULES:
                    found.append((base, alias.name, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, None, node.lineno) for a in node.names if a.name in MODULES]
    return [f for f in found if f[0] != name]


def _layer(module: str) -> int:
    best, depth = None, -1
    for k, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > depth:
                best, depth = k, len(p)
    return best


def _related(a: str, b: str) -> bool:
    return a.startswith(b + ".") or b.startswith(a + ".")


def test_every_module_has_a_layer():
    missing = [m for m in MODULES if m != "diplolib" and _layer(m) is None]
    assert not missing, f"add these modules to LAYERS (and to the README's architecture section): {missing}"


def test_layers_only_look_down():
    upward = []
    for name, path in MODULES.items():
        if name == "diplolib":
            continue
        for target, _, line in _imports(name, path):
            same_package = name.split(".")[:2] == target.split(".")[:2]
            if not same_package and target != "diplolib" and _layer(target) > _layer(name):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} ({LAYERS[_layer(name)][0]}) "
                              f"imports {target} ({LAYERS[_layer(target)][0]})")
    assert not upward, "\n".join(upward)


def test_no_import_cycles():
    graph = defaultdict(set)
    for name, path in MODULES.items():
        for target, _, _ in _imports(name, path):
            if not _related(name, target):
                graph[name].add(target)
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(MODULES):
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_only_public_names_cross_modules():
    private = []
    for name, path in MODULES.items():
        for target, imported, line in _imports(name, path):
            if imported and imported.startswith("_") and not imported.startswith("__"):
                if (name, target, imported) not in PRIVATE_IMPORTS_ALLOWED:
                    private.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {imported} from {target}")
    assert not private, "make these names public (or move the code): " + "; ".join(private)


def _code_lines(node: ast.AST) -> int:
    total = node.end_lineno - node.lineno + 1
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        total -= body[0].end_lineno - body[0].lineno + 1
    return total


def test_small_modules_and_functions():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = str(path.relative_to(PACKAGE.parent))
        text = path.read_text("utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES and rel not in LONG_MODULES_ALLOWED:
            too_long.append(f"{rel}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _code_lines(node) > MAX_FUNCTION_LINES
                    and (rel, node.name) not in LONG_FUNCTIONS_ALLOWED):
                too_long.append(f"{rel}:{node.lineno} {node.name}: {_code_lines(node)} lines")
    assert not too_long, "split these by job (or write the reason in this test): " + "; ".join(too_long)


def test_import_diplolib_is_light():
    probe = ("import sys, diplolib\n"
             f"print(sorted(m for m in ('pandas', 'numpy', 'matplotlib', *{HEAVY}) if m in sys.modules))\n"
             "import diplolib.actors, diplolib.comention, diplolib.datasets, diplolib.normalize, diplolib.readers\n"
             "import diplolib.store, diplolib.themes, diplolib.topics, diplolib.plots, diplolib.parallel\n"
             f"print(sorted(m for m in {HEAVY} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    first, packages = out.stdout.strip().splitlines()
    assert first == "[]", f"import diplolib loaded {first}: keep diplolib/__init__.py lazy"
    assert packages == "[]", f"importing the subpackages loaded {packages}: import them inside the functions"


@pytest.mark.parametrize("package", sorted(p.name for p in pkgutil.walk_packages(diplolib.__path__, "diplolib.")
                                           if p.ispkg) + ["diplolib"])
def test_every_public_name_resolves_and_is_not_shadowed(package):
    module = importlib.import_module(package)
    submodules = {m.name for m in pkgutil.iter_modules(module.__path__)}
    for name in module.__all__:
        value = getattr(module, name)
        if name in submodules:  # a name that is a submodule must be that submodule, not a function of it
            assert value is importlib.import_module(f"{package}.{name}"), f"{package}.{name} is shadowed"
