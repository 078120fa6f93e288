"""The shape of the code: stages that depend one way, no import cycle, no tools inside the product.

`flows/` is cut into sub-packages, each a stage of the run or what lies below them all:

    core -> language -> documents -> extraction -> resolution -> warehouse -> orchestration -> cli

A module may import its own sub-package and any before it, never one after it; imports inside
functions count too (that is how a cycle hid before). Across sub-packages, only public names are
imported: a `_private` name is its module's own business.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOWS = ROOT / "flows"
STAGES = ["core", "language", "documents", "extraction", "resolution", "warehouse", "orchestration", "cli"]


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module imported, names imported from it) for every import anywhere in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names]))
    return found


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(FLOWS.rglob("*.py"))}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _graph() -> dict[str, set[str]]:
    """Module -> the flows modules it imports (`from flows.x import y` counts y when y is a module)."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        edges = set()
        for imported, names in _imports(path):
            if imported in modules:
                edges.add(imported)
            edges |= {f"{imported}.{n}" for n in names if f"{imported}.{n}" in modules}
        graph[name] = edges - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
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
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_every_module_belongs_to_a_stage():
    loose = [m for m in _modules() if _stage(m) is None and m not in ("flows", "flows.__main__")]
    assert not loose, f"modules outside the stage sub-packages: {loose}"


def test_no_import_cycle():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_stages_import_only_themselves_and_earlier_stages():
    offenders = []
    for module, edges in _graph().items():
        here = _stage(module)
        for target in edges:
            there = _stage(target)
            if here and there and STAGES.index(there) > STAGES.index(here):
                offenders.append(f"{module} -> {target}")
    assert not offenders, "a stage imports a later stage:\n" + "\n".join(sorted(offenders))


def test_no_private_name_crosses_a_sub_package():
    offenders = []
    modules = _modules()
    for module, path in modules.items():
        for imported, names in _imports(path):
            if imported.startswith("flows.") and _stage(imported) != _stage(module):
                offenders += [f"{module} imports {imported}.{n}" for n in names if n.startswith("_")]
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("case", ["later", "cycle"])
def test_the_checks_catch_a_bad_import(case, tmp_path, monkeypatch):
    """The stage check would fail on an extraction module importing the warehouse."""
    graph = _graph()
    if case == "later":
        graph["flows.extraction.events"] = graph["flows.extraction.events"] | {"flows.warehouse.load"}
        bad = [(m, t) for m, es in graph.items() for t in es
               if _stage(m) and _stage(t) and STAGES.index(_stage(t)) > STAGES.index(_stage(m))]
        assert bad == [("flows.extraction.events", "flows.warehouse.load")]
    else:
        graph["flows.core.paths"] = graph["flows.core.paths"] | {"flows.core.config"}
        graph["flows.core.config"] = graph["flows.core.config"] | {"flows.core.paths"}
        assert ["flows.core.config", "flows.core.paths"] in _cycles(graph)


def test_the_product_never_imports_the_benchmark_or_the_corpus_generator():
    """`bench` (dossier bench, dossier synth) imports `flows`; `flows` reaches it only through the two
    CLI commands that run it, imported inside those commands."""
    offenders = {}
    cli = FLOWS / "cli" / "main.py"
    for path in sorted(FLOWS.rglob("*.py")):
        bench = {m for m, _ in _imports(path) if m == "bench" or m.startswith("bench.")}
        if bench and path != cli:
            offenders[path.name] = bench
    assert not offenders
    top_level = [n for n in ast.parse(cli.read_text(encoding="utf-8")).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert not any(getattr(n, "module", "") and n.module.startswith("bench") for n in top_level)


def test_the_current_extractor_version_is_the_first_one_explained():
    """docs/extractor-versions.md tells what each EXTRACTOR_VERSION changed, newest first: a bump without its
    note (or a note left under an older tag) fails here."""
    from flows.extraction.facts import EXTRACTOR_VERSION

    tag = "-" + EXTRACTOR_VERSION.split("-", 1)[1]
    text = (Path(__file__).resolve().parents[1] / "docs" / "extractor-versions.md").read_text()
    first = next(line for line in text.splitlines() if line.startswith("- `"))
    assert first.startswith(f"- `{tag}`: ") and len(first) > len(tag) + 20, first[:80]
