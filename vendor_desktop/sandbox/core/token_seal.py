"""Seal a short secret with a key only the holder of another token can derive.

The refresh grace (API.md "Health and auth") must hand a retry the same token pair for 60 s,
yet the server keeps tokens only as sha256 hashes. So the pair is kept sealed under a key derived
from the rotated refresh token, which the server never stores: whoever presents that token can
open it, a copy of the database cannot.

Stdlib only: HMAC-SHA256 as the key derivation (HKDF-style extract and expand), as a keystream
(counter mode) and as the authenticator (encrypt-then-MAC). The key is a 256-bit random token,
used for one seal, with a random nonce besides.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

_VERSION = "v1"
_LABEL = b"vendor-center refresh grace v1"
_NONCE_BYTES = 16
_TAG_BYTES = 32


def _hmac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def _keys(secret: str) -> tuple[bytes, bytes]:
    # Extract: the token (high-entropy, but text) becomes a uniform key; expand: separate keys
    # for encrypting and for authenticating, so neither use weakens the other.
    root = _hmac(_LABEL, secret.encode("utf-8", "surrogatepass"))
    return _hmac(root, b"encrypt\x01"), _hmac(root, b"authenticate\x01")


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = (_hmac(key, nonce + counter.to_bytes(4, "big")) for counter in range((length + 31) // 32))
    return b"".join(blocks)[:length]


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))


def seal(secret: str, plaintext: bytes) -> str:
    """``plaintext`` encrypted and authenticated under a key derived from ``secret``; ASCII."""
    enc_key, mac_key = _keys(secret)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    body = _xor(plaintext, _keystream(enc_key, nonce, len(plaintext)))
    tag = _hmac(mac_key, nonce + body)
    return f"{_VERSION}.{base64.urlsafe_b64encode(nonce + body + tag).decode('ascii')}"


def unseal(secret: str, sealed: str) -> bytes | None:
    """The plaintext, or None when ``secret`` is not the one it was sealed with (or the seal
    was altered)."""
    version, _, encoded = sealed.partition(".")
    if version != _VERSION:
        return None
    try:
        raw = base64.urlsafe_b64decode(encoded.encode("ascii"))
    except (binascii.Error, ValueError):
        return None
    if len(raw) < _NONCE_BYTES + _TAG_BYTES:
        return None
    nonce, body, tag = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:-_TAG_BYTES], raw[-_TAG_BYTES:]
    enc_key, mac_key = _keys(secret)
    if not hmac.compare_digest(tag, _hmac(mac_key, nonce + body)):
        return None
    return _xor(body, _keystream(enc_key, nonce, len(body)))
