"""The vendor's account (账户信息, SPEC §9): its profile, bank account and agreements."""
