"""Fail when a test run executed no test, or when a browser test or the HTML validity test
was skipped: they skip themselves on a machine without Chromium, or without Java and the
W3C checker, and CI must have those. With --with-browser-tests, also fail when the run had
no browser test at all (the pass that CI counts on for them must not lose them to a
selection or a collection error)."""

import argparse
import sys
import xml.etree.ElementTree as ET

# Test modules (JUnit class names) that CI never lets skip.
NEVER_SKIPPED = ("tests.browser", "tests.test_html_validity")


def is_browser_test(case):
    return case.get("classname", "").startswith("tests.browser")


def main(path, with_browser_tests=False):
    root = ET.parse(path).getroot()
    ran = ran_browser = skipped_required = 0
    for case in root.iter("testcase"):
        skipped = case.find("skipped") is not None
        if not skipped:
            ran += 1
            ran_browser += is_browser_test(case)
        elif case.get("classname", "").startswith(NEVER_SKIPPED):
            skipped_required += 1
            reason = case.find("skipped").get("message", "")
            print(f"SKIPPED REQUIRED TEST: {case.get('name')}: {reason}", file=sys.stderr)
    if ran == 0:
        print("FAIL: no test ran.", file=sys.stderr)
        return 1
    if skipped_required:
        print(
            f"FAIL: {skipped_required} browser or HTML validity test(s) were skipped.",
            file=sys.stderr,
        )
        return 1
    if with_browser_tests and not ran_browser:
        print("FAIL: no browser test ran in this pass.", file=sys.stderr)
        return 1
    print(
        f"{path}: {ran} tests ran ({ran_browser} in a browser), "
        "no browser or HTML validity test skipped."
    )
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("junit_xml")
    parser.add_argument("--with-browser-tests", action="store_true")
    arguments = parser.parse_args()
    sys.exit(main(arguments.junit_xml, arguments.with_browser_tests))
