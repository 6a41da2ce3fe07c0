"""Error codes of the sandbox controls, with their default messages in English and Chinese."""

from __future__ import annotations

from ..core.errors import error_code

ACCOUNT_EXISTS = error_code("ACCOUNT_EXISTS", "That account ID already exists.", "该账号 ID 已存在。")
