"""The Money area (资金管理), SPEC §7–§8: balance, deposit, earnings, withdrawals, the ledger and statements."""
