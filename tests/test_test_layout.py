"""The tests' own layout: only the tests about the demo name its content, so that rewording
the demo breaks only them; every other test builds the pages it needs (tests/factories/).
No test module imports another one: what tests share lives in tests/factories/ and
tests/support/, and fixtures in conftest.py."""

import ast
import re
from pathlib import Path

import pytest

from tests.support.demo import distinctive_demo_strings

TESTS = Path(__file__).resolve().parent

# The tests about the demo itself: its wording, its completeness in both languages, the
# journeys a newcomer takes through it and the sweeps that walk every page it has. They
# alone may name its content (tests/support/demo.py names it for them, from the demo's data).
DEMO_TESTS = {
    "test_booklet_demo.py",
    "test_help_demo.py",
    "test_quiz_demo.py",
    "test_wording.py",
    "test_html_validity.py",
    "browser/test_accessibility.py",
    "browser/test_small_screens.py",
    "browser/test_journeys.py",
}

# Not yet converted: tests about something else that still read demo pages by their words,
# while they wait to build their own pages with tests/factories/ (the booklet download
# tests may keep the demo booklet, whose one PDF build they share, but read it through
# tests/support/demo.py). None is left; test_converted_files_leave_the_list keeps the list
# honest when one is added.
NOT_YET_CONVERTED = set()

TEST_MODULES = sorted(path.relative_to(TESTS).as_posix() for path in TESTS.rglob("test_*.py"))

# A demo word counts where it stands alone: "para-pais" in "/pt/para-pais/", not in
# "para-paises" nor "para-pais-novos"; a slug followed by a language code counts too
# ("tu-e-a-internet-pt.pdf").
# The site's own wording (its templates' and forms' strings, in the catalogue) is not the
# demo's, even where a demo page says the same thing.
CATALOGUE = "".join(
    path.read_text() for path in (TESTS.parent / "locale").glob("*/LC_MESSAGES/django.po")
)
DEMO_WORDS = {
    word: re.compile(r"(?<![\w-])" + re.escape(word) + r"(?!\w)(?!-\w{3})")
    for word in distinctive_demo_strings()
    if word not in CATALOGUE
}


def strings_in(module):
    tree = ast.parse((TESTS / module).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


# Any of them, in one pass: most modules name none, and are read once.
ANY_DEMO_WORD = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(word) for word in sorted(DEMO_WORDS, key=len, reverse=True))
    + r")(?!\w)(?!-\w{3})"
)


def demo_words_in(module):
    texts = list(strings_in(module))
    if not ANY_DEMO_WORD.search("\n".join(texts)):
        return []
    return sorted(
        word for word, pattern in DEMO_WORDS.items() if any(pattern.search(text) for text in texts)
    )


def test_the_demo_words_are_found():
    """The rule checks something: the demo's words include its pages and its questions."""
    assert len(DEMO_WORDS) > 50
    assert demo_words_in("test_booklet_demo.py")


@pytest.mark.parametrize(
    "module", [m for m in TEST_MODULES if m not in DEMO_TESTS | NOT_YET_CONVERTED]
)
def test_only_demo_tests_name_the_demo_content(module):
    found = demo_words_in(module)
    assert not found, (
        f"tests/{module} names the demo's content {found}: build the page with "
        "tests/factories/, or, in a test about the demo, read it through tests/support/demo.py"
    )


def test_converted_files_leave_the_list():
    for module in NOT_YET_CONVERTED | DEMO_TESTS:
        assert (TESTS / module).exists(), f"tests/{module} is gone: take it off the list"
    done = [module for module in sorted(NOT_YET_CONVERTED) if not demo_words_in(module)]
    assert not done, f"no longer names the demo, take off NOT_YET_CONVERTED: {done}"


@pytest.mark.parametrize("module", TEST_MODULES)
def test_no_test_module_imports_another_or_a_conftest(module):
    tree = ast.parse((TESTS / module).read_text())
    imported = [
        name
        for node in ast.walk(tree)
        for name in (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else []
        )
    ]
    wrong = [name for name in imported if re.match(r"tests\.(browser\.)?(test_|conftest)", name)]
    assert not wrong, f"tests/{module} imports {wrong}: move what it needs to tests/factories/"
