from vendor_desktop.domain.roles import Permission, Role, can, may_read_entity, permissions_for


def test_owner_may_do_everything():
    assert permissions_for(Role.OWNER) == frozenset(Permission)


def test_operations_changes_prices_but_cannot_touch_money():
    # SPEC §11
    assert can("operations", Permission.ORDERS_CHANGE_PRICE)
    assert can("operations", Permission.DISCOUNTS_WRITE)
    assert not can("operations", Permission.WITHDRAWALS_WRITE)
    assert not can("operations", Permission.DEPOSIT_PAY)


def test_finance_sees_money_but_no_orders():
    assert may_read_entity("finance", "deposit") and may_read_entity("finance", "invoice")
    assert not may_read_entity("finance", "order")
    assert not can("finance", Permission.BANK_ACCOUNT_WRITE)


def test_invoices_are_read_and_acted_on_by_owner_finance_and_support_only():
    """SPEC §11: invoices (issue, ship) are RW for owner, finance and support, unseen by the rest."""
    assert [r for r in Role if can(r, Permission.INVOICES_ISSUE)] == [Role.OWNER, Role.FINANCE, Role.SUPPORT]
    assert [r for r in Role if may_read_entity(r, "invoice")] == [Role.OWNER, Role.FINANCE, Role.SUPPORT]


def test_support_issues_invoices_and_reads_orders_but_cannot_change_prices():
    assert can("support", Permission.INVOICES_ISSUE) and may_read_entity("support", "order")
    assert not can("support", Permission.ORDERS_CHANGE_PRICE)


def test_viewer_is_read_only():
    assert may_read_entity("viewer", "listing") and may_read_entity("viewer", "order")
    writes = {p for p in permissions_for("viewer") if not p.value.endswith(".read")}
    assert writes == set()


def test_only_the_owner_manages_sub_accounts_and_unknown_entities_are_hidden():
    assert [r for r in Role if may_read_entity(r, "sub_account")] == [Role.OWNER]
    assert not may_read_entity("owner", "something_new")


def test_every_role_reads_its_own_activity_and_only_the_owner_everyones():
    """SPEC §11: "own activity log" every role; "activity log of everyone" the owner."""
    from vendor_desktop.domain.roles import may_read_every_users

    assert [r for r in Role if may_read_entity(r, "activity")] == list(Role)
    assert [r for r in Role if may_read_every_users(r, "activity")] == [Role.OWNER]
    assert not may_read_every_users("owner", "message")  # a message's read state stays each user's own
