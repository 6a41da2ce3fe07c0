"""The money (资金管理, SPEC §7–§8): the balance and deposit, earnings per market, withdrawals and
the ledger of every movement."""
