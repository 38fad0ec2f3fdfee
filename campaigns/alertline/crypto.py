"""Contact details encrypted at rest with keys of their own (ALERTLINE_CONTACT_KEYS).

AES-256-GCM from `cryptography` directly, rather than Fernet: a Fernet token carries its
creation time in clear, and a report's contact must not reveal when it was written. Each
stored value names its key by a short id (a hash of the key, not the key), so several keys
can be configured: the first encrypts, any of them decrypts, which allows rotation.
Stored form: "v1:<key id>:<base64(nonce | ciphertext+tag)>".
"""

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

VERSION = "v1"
ASSOCIATED_DATA = b"alertline.report.contact"


class ContactDecryptionError(Exception):
    """No configured key opens this value (it names no message content)."""


def _keys():
    keys = {}
    for raw in settings.ALERTLINE_CONTACT_KEYS:
        try:
            key = base64.b64decode(raw, validate=True)
        except ValueError as error:
            raise ImproperlyConfigured(
                "ALERTLINE_CONTACT_KEYS holds a value that is not base64"
            ) from error
        if len(key) != 32:
            raise ImproperlyConfigured("Each ALERTLINE_CONTACT_KEYS key must be 32 bytes")
        keys[hashlib.sha256(key).hexdigest()[:8]] = key
    if not keys:
        raise ImproperlyConfigured("ALERTLINE_CONTACT_KEYS is empty")
    return keys


def encrypt(text):
    if not text:
        return ""
    key_id, key = next(iter(_keys().items()))
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, text.encode(), ASSOCIATED_DATA)
    return f"{VERSION}:{key_id}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt(stored):
    if not stored:
        return ""
    try:
        version, key_id, payload = stored.split(":", 2)
        key = _keys()[key_id]
        if version != VERSION:
            raise ValueError
        blob = base64.b64decode(payload)
        return AESGCM(key).decrypt(blob[:12], blob[12:], ASSOCIATED_DATA).decode()
    except (ValueError, KeyError, InvalidTag) as error:
        raise ContactDecryptionError(
            "contact details cannot be decrypted with the configured keys"
        ) from error


def current_key_id():
    return next(iter(_keys()))


def reencrypt(stored):
    """The value under the first (current) key, for rotation."""
    return encrypt(decrypt(stored)) if stored else ""
