"""The sub-account rules the app and the sandbox share (domain.sub_accounts, R-SUB-1) and export
as a grant (domain.roles.may_export, SPEC §11)."""

from __future__ import annotations

import pytest

from vendor_desktop.domain.roles import Role, may_export
from vendor_desktop.domain.sub_accounts import (
    PasswordProblem,
    generate_initial_password,
    initial_password_for,
    password_problem,
    username_problem,
)


@pytest.mark.parametrize("name", ["abc", "a" * 32, "li.na", "Li_Na-2", "..."])
def test_usernames_of_3_to_32_letters_digits_dots_underscores_and_dashes_are_fine(name):
    assert username_problem(name) is None


@pytest.mark.parametrize("name", ["ab", "a" * 33, "li na", "李娜", "li@na", "", "li\nna", "ｌｉｎａ"])
def test_other_usernames_are_refused(name):
    assert username_problem(name) is not None


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Abc12345", PasswordProblem.TOO_SHORT),
        ("abcdefghijk", PasswordProblem.NEEDS_LETTER_AND_DIGIT),
        ("1234567890", PasswordProblem.NEEDS_LETTER_AND_DIGIT),
        ("xxLI.NAxx2026", PasswordProblem.CONTAINS_USERNAME),
        ("a1" * 65, PasswordProblem.TOO_LONG),
        ("abc\x00def123", PasswordProblem.NOT_PRINTABLE),
        ("Spring2026stock", None),
        ("春天spring2026", None),
    ],
)
def test_the_password_rule(password, problem):
    assert password_problem(password, username="li.na") == problem


def test_a_generated_password_meets_the_rule_and_has_no_characters_that_read_alike():
    for _ in range(300):
        password = generate_initial_password()
        assert password_problem(password, username="") is None
        assert not set(password) & set("0O1lIo")
    assert len({generate_initial_password() for _ in range(50)}) == 50
    assert "abc" not in initial_password_for("abc").casefold()


@pytest.mark.parametrize(
    ("role", "granted", "may"),
    [
        (Role.OWNER, False, True),
        (Role.OWNER, True, True),
        (Role.VIEWER, True, False),
        (Role.VIEWER, False, False),
        (Role.FINANCE, True, True),
        (Role.FINANCE, False, False),
        (Role.OPERATIONS, True, True),
        (Role.SUPPORT, False, False),
    ],
)
def test_export_is_the_owner_s_always_a_viewer_s_never_and_a_grant_for_the_others(role, granted, may):
    assert may_export(role, granted) is may
