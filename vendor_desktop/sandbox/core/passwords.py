"""Password hashing with stdlib scrypt and a random salt per password."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# scrypt cost: ~16 MiB and a few tens of ms per hash; enough for a sandbox, cheap for tests.
_N, _R, _P, _LEN = 2**14, 8, 1, 32


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_LEN)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.scrypt(
            password.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p), dklen=_LEN
        )
    except (ValueError, UnicodeEncodeError):
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


# Checked against when the account or user does not exist, so a wrong account id costs the same
# time as a wrong password (no enumeration by timing).
DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def token_hash(token: str) -> str:
    """Tokens are stored only as their sha256: a leaked database yields no usable token."""
    return hashlib.sha256(token.encode()).hexdigest()
