"""The planner's extractor version, read from facts.py's source without importing the extractors (the no-op rerun)."""

from flows.orchestration.extractor_version import FACTS_SOURCE, read_extractor_version


def test_read_from_source_equals_the_module():
    from flows.extraction.facts import EXTRACTOR_VERSION

    assert read_extractor_version(FACTS_SOURCE.read_text(encoding="utf-8")) == EXTRACTOR_VERSION


def test_pipeline_plans_with_the_extractors_version():
    from flows.extraction.facts import EXTRACTOR_VERSION
    from flows.orchestration import pipeline

    assert pipeline.EXTRACTOR_VERSION == EXTRACTOR_VERSION
    assert pipeline.plan_run.__defaults__[1] == EXTRACTOR_VERSION


def test_anything_but_one_plain_literal_is_not_read():
    assert read_extractor_version('EXTRACTOR_VERSION = "2026.01.01-1"  # note\n') == "2026.01.01-1"
    assert read_extractor_version('EXTRACTOR_VERSION = "a"\nEXTRACTOR_VERSION = "b"\n') is None
    assert read_extractor_version('EXTRACTOR_VERSION = "a" + SUFFIX\n') is None
    assert read_extractor_version('EXTRACTOR_VERSION = "a"\nEXTRACTOR_VERSION += "b"\n') is None
    assert read_extractor_version("EXTRACTOR_VERSION = f'{x}'\n") is None
    assert read_extractor_version("OTHER = 1\n") is None


def test_no_op_path_does_not_import_the_extractors():
    import subprocess
    import sys

    code = ("import sys, flows.orchestration.pipeline as p; "
            "print(any(m.startswith('flows.extraction') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(FACTS_SOURCE.parent.parent.parent)).stdout.strip()
    assert out == "False"
