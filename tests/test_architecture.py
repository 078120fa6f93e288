"""The product package does not depend on the tools beside it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_product_never_imports_the_benchmark_or_the_corpus_generator():
    """`bench` (dossier bench, dossier synth) imports `flows`; `flows` reaches it only through the two
    CLI commands that run it, imported inside those commands."""
    offenders = {}
    for path in sorted((ROOT / "flows").rglob("*.py")):
        bench = {m for m in _imports(path) if m == "bench" or m.startswith("bench.")}
        if bench and path.name != "cli.py":
            offenders[path.name] = bench
    assert not offenders
    cli = (ROOT / "flows" / "cli.py").read_text(encoding="utf-8")
    top_level = [n for n in ast.parse(cli).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert not any(getattr(n, "module", "") and n.module.startswith("bench") for n in top_level)
