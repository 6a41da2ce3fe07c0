"""Request bodies of the sub-account commands (子账号, R-SUB-1) and the answers that carry a
generated password.

Types are checked by the schema (a number for a name is 422 at once); the rules' bounds (the
username's characters, the display name's length and characters, role and export grant) by
``rules.py``, after permission, existence and If-Match (core/preconditions.py's order), answering
422 VALIDATION_FAILED naming every bad field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StringConstraints

from vendor_desktop.domain.sub_accounts import DISPLAY_NAME_LENGTH, USERNAME_LENGTH

from ..core.schemas import EntityEnvelope, StrictBody

RoleName = Literal["owner", "operations", "finance", "support", "viewer"]
_Text = Annotated[str, StringConstraints(max_length=200)]

_USERNAME = (
    f"{USERNAME_LENGTH[0]}–{USERNAME_LENGTH[1]} letters, digits, '.', '_' or '-'; unique among the account's users "
    "(409 USERNAME_TAKEN); a deleted user's name is free again"
)
_DISPLAY = (
    f"姓名/显示名: {DISPLAY_NAME_LENGTH[0]}–{DISPLAY_NAME_LENGTH[1]} characters once trimmed, one line, no control "
    "characters"
)
_ROLE = "operations, finance, support or viewer (SPEC §11); owner cannot be given (422)"
_EXPORT = "SPEC §11: may export to CSV/XLSX; a viewer never may (true with viewer: 422)"


class CreateSubAccountRequest(StrictBody):
    """R-SUB-1: a new sub-account, with a generated first password it must change at first sign-in."""

    username: _Text = Field(description=_USERNAME)
    display_name: _Text = Field(description=_DISPLAY)
    role: RoleName = Field(description=_ROLE)
    can_export: StrictBool = Field(False, description=_EXPORT)


class ChangeSubAccountRequest(StrictBody):
    """R-SUB-1: change a sub-account; fields left out stay. A role change or disabling ends all its
    sessions at once (401 TOKEN_REVOKED); enabling does not bring them back."""

    display_name: _Text | None = Field(None, description=_DISPLAY)
    role: RoleName | None = Field(
        None, description=_ROLE + "; changing it to viewer withdraws the export grant, and ends its sessions"
    )
    disabled: StrictBool | None = Field(
        None, description="true: it cannot sign in and its sessions end; false: enabled"
    )
    can_export: StrictBool | None = Field(None, description=_EXPORT)


class SubAccountWithPassword(EntityEnvelope):
    """A created or reset sub-account, with its generated first password in this answer only."""

    initial_password: str | None = Field(
        None,
        description="the generated first password, shown once: never synced, never stored in the clear, and absent "
        "from a replay of the same Idempotency-Key. It must be changed at first sign-in.",
    )
