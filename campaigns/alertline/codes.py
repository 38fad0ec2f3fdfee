"""References and follow-up codes that are easy to read aloud and impossible to guess.

The alphabet leaves out 0/O and 1/I (and L), so nothing is misheard on the phone.
"""

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # 31 symbols, ~4.95 bits each
REFERENCE_LENGTH = 8  # ~39.6 bits: not sequential, and useless without the code
CODE_LENGTH = 15  # ~74 bits (at least 60 required), kept only as a password hash

_SEPARATORS = re.compile(r"[\s\-_.]+")


def _random(length):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_reference():
    return _random(REFERENCE_LENGTH)


def new_code():
    return _random(CODE_LENGTH)


def normalise(value):
    """What the reporter typed, as stored: capitals, no spaces or dashes."""
    return _SEPARATORS.sub("", str(value or "")).upper()


def grouped(value, size):
    return "-".join(value[i : i + size] for i in range(0, len(value), size))


def display_reference(reference):
    return grouped(reference, 4)


def display_code(code):
    return grouped(code, 5)


def looks_valid(value, length):
    return len(value) == length and all(char in ALPHABET for char in value)
