"""Fail when a test run executed no test, or when any browser test was skipped."""

import sys
import xml.etree.ElementTree as ET


def main(path):
    root = ET.parse(path).getroot()
    cases = root.iter("testcase")
    ran = skipped_browser = 0
    for case in cases:
        skipped = case.find("skipped") is not None
        if not skipped:
            ran += 1
        elif case.get("classname", "").startswith("tests.browser"):
            skipped_browser += 1
            reason = case.find("skipped").get("message", "")
            print(f"SKIPPED BROWSER TEST: {case.get('name')}: {reason}", file=sys.stderr)
    if ran == 0:
        print("FAIL: no test ran.", file=sys.stderr)
        return 1
    if skipped_browser:
        print(f"FAIL: {skipped_browser} browser test(s) were skipped.", file=sys.stderr)
        return 1
    print(f"{path}: {ran} tests ran, no browser test skipped.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
