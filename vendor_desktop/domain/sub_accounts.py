"""Sub-accounts (子账号), R-SUB-1: the username and display-name rules, the password rule, and the
generated first password. Pure: the sandbox enforces these, the app checks before it asks.
"""

from __future__ import annotations

import re
import secrets
from enum import StrEnum

#: R-SUB-1 (issue 15): 3–32 of letters, digits, ``.``, ``_`` or ``-``.
USERNAME_LENGTH = (3, 32)
_USERNAME = re.compile(r"[A-Za-z0-9._-]{3,32}")
DISPLAY_NAME_LENGTH = (1, 50)
#: Our password rule: at least 10 characters, letters and digits both, not containing the username.
PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 128
#: A vendor has at most this many users, the owner included (409 SUB_ACCOUNT_LIMIT beyond).
MAX_USERS_PER_VENDOR = 100
#: The owner's username (API.md: the main account logs in with ``owner``).
OWNER_USERNAME = "owner"

# The generated password: no characters that read alike (0/O/o, 1/l/I), since staff read it aloud
# or type it from a screen.
_LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
_DIGITS = "23456789"
INITIAL_PASSWORD_LENGTH = 12


class PasswordProblem(StrEnum):
    """Why a new password is refused: a short code the app translates (``details.codes``)."""

    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    NEEDS_LETTER_AND_DIGIT = "NEEDS_LETTER_AND_DIGIT"
    CONTAINS_USERNAME = "CONTAINS_USERNAME"
    SAME_AS_CURRENT = "SAME_AS_CURRENT"
    NOT_PRINTABLE = "NOT_PRINTABLE"


def username_problem(username: str) -> str | None:
    """None when ``username`` is acceptable; else why not (English, for ``details.fields``)."""
    if not _USERNAME.fullmatch(username):
        return f"must be {USERNAME_LENGTH[0]} to {USERNAME_LENGTH[1]} letters, digits, '.', '_' or '-'"
    return None


def password_problem(new: str, *, username: str) -> PasswordProblem | None:
    """None when ``new`` meets the rule; else the first rule it breaks. Comparing the username is
    case-insensitive (``Owner2026abc`` contains ``owner``)."""
    if any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or "\ud800" <= c <= "\udfff" for c in new):
        return PasswordProblem.NOT_PRINTABLE
    if len(new) < PASSWORD_MIN_LENGTH:
        return PasswordProblem.TOO_SHORT
    if len(new) > PASSWORD_MAX_LENGTH:
        return PasswordProblem.TOO_LONG
    if not (any(c.isascii() and c.isalpha() for c in new) and any(c.isdigit() for c in new)):
        return PasswordProblem.NEEDS_LETTER_AND_DIGIT
    if username and username.casefold() in new.casefold():
        return PasswordProblem.CONTAINS_USERNAME
    return None


def generate_initial_password() -> str:
    """A random first password that meets the rule (for any username it could contain: the result
    has no ``.``, ``_`` or ``-`` and a username is at least 3 characters, so a clash is possible
    only by chance, and such a draw is redrawn by the caller through ``password_problem``)."""
    alphabet = _LETTERS + _DIGITS
    while True:
        chars = [secrets.choice(_LETTERS), secrets.choice(_DIGITS)]
        chars += [secrets.choice(alphabet) for _ in range(INITIAL_PASSWORD_LENGTH - 2)]
        secrets.SystemRandom().shuffle(chars)
        password = "".join(chars)
        if password_problem(password, username="") is None:
            return password


def initial_password_for(username: str) -> str:
    """A generated first password that does not contain ``username`` either."""
    while True:
        password = generate_initial_password()
        if password_problem(password, username=username) is None:
            return password
