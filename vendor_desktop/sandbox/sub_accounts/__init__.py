"""Sub-accounts (子账号, R-SUB-1, issue 15): the owner creates, changes, disables, resets and deletes
its staff's logins."""
