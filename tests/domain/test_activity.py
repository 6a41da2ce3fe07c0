"""domain.activity: what an activity entry keeps of a change (issue 15 item 4)."""

from vendor_desktop.domain.activity import ACTIONS, action_for, changed_values


def test_only_the_changed_fields_are_kept_old_and_new():
    before = {"amount_fen": 12000, "state": "unpaid", "price_change_reason": None}
    after = {"amount_fen": 9900, "state": "unpaid", "price_change_reason": "老客户"}
    assert changed_values(before, after) == (
        {"amount_fen": 12000, "price_change_reason": None},
        {"amount_fen": 9900, "price_change_reason": "老客户"},
    )


def test_a_list_keeps_only_the_items_removed_and_added():
    old = [{"id": "m1", "body": "问题"}]
    new = [*old, {"id": "m2", "body": "补充"}]
    assert changed_values({"messages": old}, {"messages": new}) == ({"messages": []}, {"messages": [new[1]]})


def test_creation_and_deletion_keep_the_whole_entity_but_never_a_secret():
    data = {"username": "li.na", "initial_password": "s3cret!", "password_hash": "scrypt$..."}
    assert changed_values(None, data) == (None, {"username": "li.na"})
    assert changed_values(data, None) == ({"username": "li.na"}, None)


def test_routes_match_whatever_their_ids_are_called_and_message_reads_are_not_logged():
    assert action_for("post", "/sub-accounts/{user_id}/reset-password").id == "sub_account.reset_password"
    assert action_for("POST", "/messages/{id}/read") is None
    assert len({a.id for a in ACTIONS.values()}) == len(ACTIONS)  # each action id names one command
