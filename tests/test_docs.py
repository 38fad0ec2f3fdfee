"""The README and docs/ hold together: every relative link leads to a file that exists and,
for `#anchor`, to a heading in it, and the README stays short enough to read first."""

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_MAX_LINES = 250

# [text](target) and ![alt](target); the target ends at a space (a title may follow).
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`]*`+")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # https:, mailto:…


def markdown_files():
    return [README, *sorted(DOCS.glob("*.md"))]


def prose(path):
    """The text outside fenced code blocks, with inline code removed (a link's text may
    run over two lines, and so may inline code)."""
    kept = []
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            kept.append(line)
    return INLINE_CODE.sub("", "\n".join(kept))


def slug(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower()
    text = "".join(
        ch
        for ch in text
        if ch in " -_" or unicodedata.category(ch)[0] in {"L", "N"}  # letters and digits
    )
    return text.replace(" ", "-")


def anchors(path):
    """Every heading's anchor, with GitHub's -1, -2… for repeated headings."""
    seen = {}
    found = set()
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if in_fence or not match:
            continue
        base = slug(match.group(1))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def relative_links(path):
    return [target for target in LINK.findall(prose(path)) if not EXTERNAL.match(target)]


def broken_links(path):
    broken = []
    for target in relative_links(path):
        file_part, _, anchor = target.partition("#")
        destination = (path.parent / file_part).resolve() if file_part else path
        if not destination.exists():
            broken.append(f"{target}: no such file")
        elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
            broken.append(f"{target}: no heading #{anchor} in {destination.name}")
    return broken


@pytest.mark.parametrize("path", markdown_files(), ids=lambda path: path.name)
def test_every_relative_link_resolves(path):
    assert broken_links(path) == []


def test_the_readme_links_into_every_docs_page_through_the_index():
    index_targets = {target.partition("#")[0] for target in relative_links(DOCS / "index.md")}
    pages = {page.name for page in DOCS.glob("*.md")} - {"index.md"}
    assert pages <= index_targets, f"not in docs/index.md: {sorted(pages - index_targets)}"
    assert "docs/index.md" in set(relative_links(README))


def test_the_readme_stays_short():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_MAX_LINES


def test_a_missing_file_or_heading_is_reported(tmp_path):
    (tmp_path / "there.md").write_text("# Where it is\n\n```sh\n# not a heading\n```\n")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](there.md#where-it-is) [gone](missing.md) [no heading](there.md#not-a-heading)\n"
        "[web](https://example.org/x) `[code](missing.md)` [over two\nlines](elsewhere.md)\n"
    )
    assert broken_links(page) == [
        "missing.md: no such file",
        "there.md#not-a-heading: no heading #not-a-heading in there.md",
        "elsewhere.md: no such file",
    ]
