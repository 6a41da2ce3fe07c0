"""Error codes of leaving the marketplace (退出云市场, R-EXT-1, R-DEP-7), in English and Chinese."""

from __future__ import annotations

from ..core.errors import error_code

EXIT_BLOCKED = error_code(
    "EXIT_BLOCKED",
    "Settle what is still open before leaving the marketplace.",
    "请先处理完未完成的事项，再退出云市场。",
)
ALREADY_EXITED = error_code("ALREADY_EXITED", "This vendor has already left the marketplace.", "已退出云市场。")
NOT_EXITED = error_code(
    "NOT_EXITED",
    "The vendor has not left the marketplace: there is no deposit refund to schedule.",
    "该服务商尚未退出云市场，无需安排保证金退还。",
)
