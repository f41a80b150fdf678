"""The shape of the code: pure engines, apps that import only downward, no import circles.

Imports are read from the source with ``ast`` (every ``import``, also those inside functions), so
an import hidden in a function to dodge a circle at start-up still counts. Migrations are history
and are not read.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "musubi"

# The layer order, lowest first (docs/architecture.md explains it). A module may import its own
# app and any app of a lower layer; apps of one layer do not import each other. The project's
# own modules (settings, urls, …) sit on top.
LAYERS: list[set[str]] = [
    {"engines"},
    {"core"},
    # Only the migration history (and names kept for old imports) of the models that moved.
    {"cooperatives"},
    {"members", "workforce", "talent"},
    {"access"},
    {"dispatch", "cocreation"},
    {"api"},
    {"demo"},
    {"project"},
]

# Imports that break the order today, each with the reason it is still there. The test fails
# when one disappears, so this list only shrinks.
KNOWN: dict[tuple[str, str], str] = {}


def _rank() -> dict[str, int]:
    return {app: i for i, layer in enumerate(LAYERS) for app in layer}


FILES = {
    str(p.relative_to(ROOT).with_suffix("")).removesuffix("/__init__")
    for p in PACKAGE.rglob("*.py")
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if "migrations" in rel.parts:
            continue
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_only(tree: ast.Module) -> set[ast.AST]:
    """Import statements under ``if TYPE_CHECKING:``: they never run."""
    out: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out.update(n for stmt in node.body for n in ast.walk(stmt))
    return out


def _imports(path: Path, module: str, *, runtime_only: bool = False) -> set[str]:
    """Every module named by an import statement anywhere in the file (also inside functions);
    with ``runtime_only``, leave out those under ``if TYPE_CHECKING:``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text(), str(path))
    skip = _type_only(tree) if runtime_only else set()
    for node in ast.walk(tree):
        if node in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            # ``from musubi.x import y`` names the module y when there is one, else x.
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full.replace(".", "/") in FILES else base)
    return found


MODULES = _modules()
IMPORTS = {m: _imports(p, m) for m, p in MODULES.items()}
RUNTIME_IMPORTS = {m: _imports(p, m, runtime_only=True) for m, p in MODULES.items()}


def _app(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
        return "project"
    return parts[1]


def _ours(module: str) -> str | None:
    """The musubi module an imported name refers to, or None for a third-party one."""
    while module and module not in MODULES:
        module = module.rpartition(".")[0]
    return module or None


def test_every_app_has_a_place_in_the_layer_order() -> None:
    apps = {_app(m) for m in MODULES}
    assert apps <= set(_rank()), f"add to LAYERS: {sorted(apps - set(_rank()))}"


def test_the_engines_import_neither_django_nor_any_musubi_app() -> None:
    bad = []
    for module, names in IMPORTS.items():
        if not module.startswith("musubi.engines"):
            continue
        for name in names:
            top = name.split(".")[0]
            outside = name.startswith("musubi.") and not name.startswith("musubi.engines")
            if top in {"django", "django_scopes", "ninja"} or outside:
                bad.append(f"{module} imports {name}")
    assert not bad, "\n".join(bad)


def _violations() -> dict[tuple[str, str], list[str]]:
    rank = _rank()
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for module, names in IMPORTS.items():
        here = _app(module)
        for name in names:
            target = _ours(name)
            if target is None:
                continue
            there = _app(target)
            if there != here and rank[there] >= rank[here]:
                out[(here, there)].append(f"{module} imports {target}")
    return out


def test_no_app_imports_one_of_its_own_layer_or_above() -> None:
    found = _violations()
    new = {k: v for k, v in found.items() if k not in KNOWN}
    assert not new, "\n".join(line for lines in new.values() for line in lines)


def test_the_list_of_known_exceptions_only_shrinks() -> None:
    gone = set(KNOWN) - set(_violations())
    assert not gone, f"remove from KNOWN: {sorted(gone)}"


def _cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), over the imports that run:
    an annotation may name a type of the module that imports this one."""
    graph = {
        m: {t for n in names if (t := _ours(n)) and t != m} for m, names in RUNTIME_IMPORTS.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
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
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return groups


KNOWN_CYCLES: list[list[str]] = []


def test_no_module_imports_itself_round_a_circle() -> None:
    cycles = _cycles()
    new = [c for c in cycles if c not in KNOWN_CYCLES]
    assert not new, "\n".join(" ↔ ".join(c) for c in new)
    gone = [c for c in KNOWN_CYCLES if c not in cycles]
    assert not gone, f"remove from KNOWN_CYCLES: {gone}"


def test_the_import_reader_sees_imports_inside_functions_and_relative_ones(tmp_path: Path) -> None:
    source = tmp_path / "views.py"
    source.write_text(
        "from . import selectors\n"
        "def late():\n"
        "    from musubi.dispatch.tasks import roster_run_task\n"
        "    import django.db\n"
    )
    found = _imports(source, "musubi.dispatch.views")
    assert {"musubi.dispatch.selectors", "musubi.dispatch.tasks", "django.db"} <= found
    source.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import musubi.x\n")
    assert "musubi.x" in _imports(source, "musubi.dispatch.views")
    assert "musubi.x" not in _imports(source, "musubi.dispatch.views", runtime_only=True)
