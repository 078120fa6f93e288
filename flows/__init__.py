"""Dossier: news texts -> a DuckDB warehouse of people, events and sanctions.

Stages, each a sub-package that imports only the ones before it (tests/test_architecture.py):
core -> language -> documents -> extraction -> resolution -> warehouse -> orchestration -> cli.
See docs/architecture.md.
"""

from flows.core.runtime import configure_allocator

configure_allocator()  # before anything imports polars
