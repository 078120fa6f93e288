"""The dashboard as a person sees it: rendered by headless Chromium (its own CLI, no Playwright).

Skipped when /usr/bin/chromium is missing; CI installs it with `make browser` (scripts/install_debian.sh).
The screenshot lands in test-output/dashboard.png (git-ignored) for a human to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from flows.warehouse.dashboard import write_dashboard
from tests.test_dashboard import FAILED_EXPECTATION, standard_warehouse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "test-output" / "dashboard.png"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (install it with `make browser` (scripts/install_debian.sh))")


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium with networking, sync and updates off; fail the test after 60 s."""
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("dashboard")
    return write_dashboard(standard_warehouse(tmp / "wh.duckdb"), tmp / "site")


def test_rendered_dom(site, tmp_path):
    result = _chromium(tmp_path / "profile", "--dump-dom", site.as_uri())
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    # had any warehouse text run as HTML, the onerror handler would have renamed the page
    assert title and title.group(1) == "Dossier data quality"
    assert FAILED_EXPECTATION in dom
    assert 'id="trend-chart"' in dom and 'id="rows-chart"' in dom
    assert "<script" not in dom.lower() and "<img" not in dom.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_screenshot(site, tmp_path):
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    result = _chromium(tmp_path / "profile", f"--screenshot={SCREENSHOT}", "--window-size=1280,2000", site.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert SCREENSHOT.exists()
    assert SCREENSHOT.stat().st_size > 10_000
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_failing_run_as_a_browser_renders_it_26(tmp_path):
    # issue 26: a failing run's page, as Chromium builds it: sample rows (escaped), quarantine link,
    # sentences, history strips, dated axes
    from tests.test_dashboard import INVARIANT, failing_warehouse

    page = write_dashboard(failing_warehouse(tmp_path), tmp_path / "site")
    result = _chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"<title>(.*?)</title>", dom).group(1) == "Dossier data quality"
    assert INVARIANT in dom and "person_id is never null" in dom
    assert 'href="quarantine/20250301T1000-cccc/every_person_has_evidence.parquet"' in dom
    assert "&lt;b&gt;Ann&lt;/b&gt;" in dom and "<b>Ann" not in dom
    assert dom.count('class="cell no"') >= 2 and ">2025-03-01<" in dom
