"""The Account area (账户信息), SPEC §9: the profile, the bank account, agreements and onboarding."""
