"""`docs/cli.md`: every command's `--help`, generated (`python -m flows.cli.clidoc`), as sqlite-utils does.

A test checks the file is current, so the reference never drifts from the parser.
"""

from __future__ import annotations

import os

from flows.core.paths import DOCS_DIR

CLI_MD = DOCS_DIR / "cli.md"
WIDTH = "100"  # argparse wraps to the terminal: a fixed width keeps the file the same everywhere


def render() -> str:
    from flows.cli.main import build_parser

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        parser = build_parser()
        sub = next(a for a in parser._actions if a.dest == "command")
        parts = ["# Command reference", "", "Generated from `--help` by `python -m flows.cli.clidoc`; "
                 "`python -m flows …` is the same as `dossier …`.", "", "```", parser.format_help().rstrip(), "```"]
        for name, command in sub.choices.items():
            parts += ["", f"## dossier {name}", "", "```", command.format_help().rstrip(), "```"]
        return "\n".join(parts) + "\n"
    finally:
        if saved is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = saved


if __name__ == "__main__":
    CLI_MD.write_text(render())
    print(CLI_MD)
