"""docs/caching.md answers "when does a visitor see my change?" row by row, each row naming
the tests that prove it: every test it names exists."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "caching.md"


def test_every_test_the_caching_doc_names_exists():
    named = set(re.findall(r"`(test_\w+\.py)::(test_\w+)`", DOC.read_text()))
    assert len(named) >= 15
    missing = [
        f"{module}::{name}"
        for module, name in sorted(named)
        if f"def {name}(" not in (ROOT / "tests" / module).read_text()
    ]
    assert missing == []


def test_every_module_the_caching_doc_names_exists():
    modules = set(re.findall(r"`(\w+\.py)`", DOC.read_text())) - {"default.vcl"}
    package = ROOT / "site" / "caching"
    assert {"invalidation.py", "page_cache.py", "frontend.py"} <= modules
    assert [m for m in sorted(modules) if not (package / m).exists()] == []
