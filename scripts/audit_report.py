"""Read one pip-audit run: fail on a known vulnerability, warn loudly on what was not audited.

Arguments: the lock file, pip-audit's exit code, its JSON report and its standard error.
"""

import json
import sys
from pathlib import Path

# pip-audit's own errors when the vulnerability service does not answer.
UNREACHABLE = ("ConnectionError", "NameResolutionError", "Timeout", "ServiceError", "SSLError")


def warning(lines):
    banner = "#" * 78
    print("\n".join([banner, *(f"# WARNING: {line}" for line in lines), banner]), file=sys.stderr)


def main(lock, code, report_path, stderr_path):
    report = Path(report_path)
    errors = Path(stderr_path).read_text()
    if not report.is_file() or not report.read_text().strip():
        if any(marker in errors for marker in UNREACHABLE):
            warning(
                [
                    f"pip-audit DID NOT RUN for {lock}:",
                    "the vulnerability service cannot be reached from this machine.",
                    "Run `scripts/audit.sh` where it can (pypi.org's JSON API).",
                ]
            )
            return 0
        print(errors, file=sys.stderr)
        print(f"FAIL: pip-audit could not read {lock} (exit code {code})", file=sys.stderr)
        return 1
    dependencies = json.loads(report.read_text())["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed release yet"
            print(
                f"VULNERABLE: {dependency['name']} {dependency['version']}: {vuln['id']} "
                f"(fixed in {fixes})",
                file=sys.stderr,
            )
    if skipped:
        names = ", ".join(d["name"] for d in skipped[:8]) + (", ..." if len(skipped) > 8 else "")
        warning(
            [
                f"pip-audit DID NOT AUDIT {len(skipped)} of {len(dependencies)} packages "
                f"of {lock}:",
                "the vulnerability service did not answer for them (unreachable from this",
                f"machine, or unknown there): {names}",
            ]
        )
    if vulnerable:
        print(f"FAIL: known vulnerabilities in {lock}: update the lock (README)", file=sys.stderr)
        return 1
    audited = len(dependencies) - len(skipped)
    if audited:
        print(f"{lock}: {audited} packages audited, no known vulnerabilities")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
