"""Fail when a test run executed no test, or when a browser test or the HTML validity test
was skipped: they skip themselves on a machine without Chromium, or without Java and the
W3C checker, and CI must have those."""

import sys
import xml.etree.ElementTree as ET

# Test modules (JUnit class names) that CI never lets skip.
NEVER_SKIPPED = ("tests.browser", "tests.test_html_validity")


def main(path):
    root = ET.parse(path).getroot()
    cases = root.iter("testcase")
    ran = skipped_required = 0
    for case in cases:
        skipped = case.find("skipped") is not None
        if not skipped:
            ran += 1
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
    print(f"{path}: {ran} tests ran, no browser or HTML validity test skipped.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
