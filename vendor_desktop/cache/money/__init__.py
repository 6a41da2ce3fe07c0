"""The money (资金管理) in the cache: the deposit summary, earnings, withdrawals, the ledger,
the bank account and agreements (SPEC §7–§9)."""
