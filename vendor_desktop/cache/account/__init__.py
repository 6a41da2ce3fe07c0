"""The vendor's own account (账户信息) in the cache: the profile and the bank account with the
versions a change of either is based on (SPEC §9)."""
