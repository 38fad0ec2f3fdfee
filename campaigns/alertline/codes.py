"""References and follow-up codes that are easy to read aloud and impossible to guess.

The alphabet leaves out 0/O and 1/I (and L), so nothing is misheard on the phone.
"""

import re
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.utils.crypto import constant_time_compare, salted_hmac

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # 31 symbols, ~4.95 bits each
REFERENCE_LENGTH = 8  # ~39.6 bits: not sequential, and useless without the code
CODE_LENGTH = 15  # ~74 bits (at least 60 required), kept only as a keyed hash

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


_SUBMISSION_SALT = "campaigns.alertline.submission"


def new_submission_token():
    return secrets.token_urlsafe(24)


def submission_key(token, sent):
    """A keyed hash of the form's one-time token and what was sent (a dict), or None.

    With the content in it, a token that somehow reached two people (a cache between
    them) can never make one person's report stand for another's.
    """
    if not token:
        return None
    content = "\x1f".join(f"{name}={sent[name]}" for name in sorted(sent))
    return salted_hmac(_SUBMISSION_SALT, f"{token}\x1e{content}", algorithm="sha256").hexdigest()


def looks_valid(value, length):
    return len(value) == length and all(char in ALPHABET for char in value)


# --- Keeping the follow-up code -----------------------------------------------------------
# The code is 74 random bits, not a password a person chose: nobody can try 2**74 guesses,
# so a slow hash (PBKDF2, ~0.6 s of a worker per report) buys nothing. It is kept as an
# HMAC-SHA256 keyed with SECRET_KEY: without the key the stored value tells nothing, and
# it costs microseconds. Codes stored by earlier versions as PBKDF2 still work and are
# re-kept as HMAC the first time they are used. After SECRET_KEY changes, codes kept under
# a key listed in SECRET_KEY_FALLBACKS still work and are re-kept under the new key.

HMAC_PREFIX = "hmac-sha256$"
_HMAC_SALT = "campaigns.alertline.follow-up-code"


def _hmac(code, secret):
    return salted_hmac(_HMAC_SALT, code, secret=secret, algorithm="sha256").hexdigest()


def hash_code(code):
    return HMAC_PREFIX + _hmac(code, settings.SECRET_KEY)


def check_code(code, stored):
    """(matches, needs re-keeping) for a typed code and the stored value."""
    if not stored.startswith(HMAC_PREFIX):
        matches = check_password(code, stored)  # PBKDF2, from before
        return matches, matches
    digest = stored.removeprefix(HMAC_PREFIX)
    if constant_time_compare(digest, _hmac(code, settings.SECRET_KEY)):
        return True, False
    for secret in getattr(settings, "SECRET_KEY_FALLBACKS", []):
        if constant_time_compare(digest, _hmac(code, secret)):
            return True, True
    return False, False
