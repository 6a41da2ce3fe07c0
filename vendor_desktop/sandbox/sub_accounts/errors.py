"""Error codes of sub-accounts (子账号, R-SUB-1), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from vendor_desktop.domain.sub_accounts import MAX_USERS_PER_VENDOR

from ..core.errors import error_code

USERNAME_TAKEN = error_code(
    "USERNAME_TAKEN",
    "Another user of this account already has this username.",
    "该用户名已被本账号的其他子账号使用。",
)
OWNER_IMMUTABLE = error_code(
    "OWNER_IMMUTABLE",
    "The main account cannot be changed, disabled, reset or deleted here; it changes its own password itself.",
    "主账号不能在此修改、停用、重置或删除；主账号请自行修改密码。",
)
SUB_ACCOUNT_LIMIT = error_code(
    "SUB_ACCOUNT_LIMIT",
    f"An account can have at most {MAX_USERS_PER_VENDOR} users.",
    f"本账号的主账号和子账号合计最多 {MAX_USERS_PER_VENDOR} 个。",
)
