"""Error codes of tickets (工单, R-TKT-1), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

TICKET_STATE = error_code("TICKET_STATE", "The ticket's state does not allow this.", "工单当前状态不允许此操作。")
URGE_TOO_SOON = error_code(
    "URGE_TOO_SOON",
    "A ticket can be urged once every 24 hours; try again later.",
    "每个工单 24 小时内只能催单一次，请稍后再试。",
)
ATTACHMENT_TOO_LARGE = error_code(
    "ATTACHMENT_TOO_LARGE",
    "An attachment can be at most 5 MB.",
    "附件不能超过 5 MB。",
)
ATTACHMENT_TYPE = error_code(
    "ATTACHMENT_TYPE",
    "Attach a PNG, JPEG or PDF file.",
    "附件须为 PNG、JPEG 或 PDF 文件。",
)
ATTACHMENT_LIMIT = error_code(
    "ATTACHMENT_LIMIT",
    "A ticket can have at most 5 attachments.",
    "每个工单最多 5 个附件。",
)
