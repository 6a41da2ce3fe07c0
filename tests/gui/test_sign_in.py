"""Signing in and out: messages a user can act on, and nothing stored that should not be."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings

from vendor_desktop.app import VendorCenter
from vendor_desktop.cache.core.paths import cache_file_for
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.token_store import TokenStore
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.sync_status import Connection


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="module")
def marketplace():
    with EmbeddedSandbox() as sandbox:
        vendor = sandbox.seed(orders=20, listings=5, seed=11)
        yield sandbox, vendor


def password_of(vendor, username="owner"):
    return next(u["password"] for u in vendor["users"] if u["username"] == username)


def start(qtbot, settings, backend):
    center = VendorCenter(settings, TokenStore(), "en", sync_interval_ms=3_600_000)
    center.start_external(backend)
    qtbot.waitUntil(lambda: center.dialog is not None and center.dialog.isVisible())
    return center


def fill(dialog, account, username, password):
    dialog.account.setText(account)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.submit()


@pytest.mark.usefixtures("english")
def test_wrong_password_says_so_and_stores_nothing(qtbot, settings, marketplace, memory_keyring):
    sandbox, vendor = marketplace
    center = start(qtbot, settings, sandbox.base_url)
    fill(center.dialog, vendor["account_id"], "owner", "not-the-password")
    qtbot.waitUntil(lambda: center.dialog.error.isVisible())
    assert center.dialog.error.text() == "Wrong account ID, username or password."
    assert center.window is None
    assert memory_keyring.items == {}
    assert not cache_file_for(sandbox.base_url, vendor["account_id"], "owner").exists()
    center.shutdown()


def test_wrong_password_message_is_in_chinese_for_chinese_users(qtbot, settings, marketplace, memory_keyring):
    sandbox, vendor = marketplace
    i18n.install(i18n.CHINESE)
    try:
        center = start(qtbot, settings, sandbox.base_url)
        fill(center.dialog, vendor["account_id"], "owner", "wrong")
        qtbot.waitUntil(lambda: center.dialog.error.isVisible())
        assert center.dialog.error.text() == "账号 ID、用户名或密码错误。"
        assert center.dialog.windowTitle() == "登录服务商管理后台"
        center.shutdown()
    finally:
        i18n.install(i18n.ENGLISH)


@pytest.mark.usefixtures("english")
def test_unreachable_backend_at_sign_in_explains_and_keeps_the_form(qtbot, settings):
    center = start(qtbot, settings, "http://127.0.0.1:9")  # discard port: nothing listens
    fill(center.dialog, "V1", "owner", "secret")
    qtbot.waitUntil(lambda: center.dialog.error.isVisible(), timeout=15_000)
    assert "Cannot reach the marketplace" in center.dialog.error.text()
    assert center.dialog.account.text() == "V1"
    center.shutdown()


@pytest.mark.usefixtures("english")
def test_empty_fields_are_refused_before_anything_is_sent(qtbot, settings, marketplace):
    sandbox, _vendor = marketplace
    center = start(qtbot, settings, sandbox.base_url)
    fill(center.dialog, "", "owner", "x")
    assert center.dialog.error.text() == "Enter your account ID."
    center.dialog.backend.setText("ftp://example")
    fill(center.dialog, "V1", "owner", "x")
    assert "http://" in center.dialog.error.text()
    center.shutdown()


@pytest.mark.usefixtures("english")
def test_next_start_signs_in_by_itself_and_sign_out_forgets_the_token(qtbot, settings, marketplace, memory_keyring):
    sandbox, vendor = marketplace
    center = start(qtbot, settings, sandbox.base_url)
    fill(center.dialog, vendor["account_id"], "operations", password_of(vendor, "operations"))
    qtbot.waitUntil(lambda: center.sync is not None and center.sync.state == Connection.ONLINE, timeout=30_000)
    assert "Operations" in center.window.user_label.text()
    center.shutdown()

    again = VendorCenter(settings, TokenStore(), "en", sync_interval_ms=3_600_000)
    again.start_external(sandbox.base_url)
    qtbot.waitUntil(lambda: again.sync is not None and again.sync.state == Connection.ONLINE, timeout=30_000)
    assert again.dialog is None  # no password asked
    assert len(memory_keyring.items) == 1

    again.window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: memory_keyring.items == {} and again.dialog is not None and again.dialog.isVisible())
    assert again.window is None
    assert again.dialog.account.text() == vendor["account_id"]  # remembered: only the token is forgotten
    again.shutdown()


@pytest.mark.usefixtures("english")
def test_without_a_secure_keychain_nothing_is_stored_and_the_user_is_told(qtbot, settings, marketplace):
    sandbox, vendor = marketplace
    keyring.set_keyring(fail.Keyring())
    center = start(qtbot, settings, sandbox.base_url)
    assert "No secure keychain" in center.dialog.keychain.text()
    fill(center.dialog, vendor["account_id"], "owner", password_of(vendor))
    qtbot.waitUntil(lambda: center.sync is not None and center.sync.state == Connection.ONLINE, timeout=30_000)
    center.shutdown()

    again = start(qtbot, settings, sandbox.base_url)  # asks for the password again
    assert again.dialog.account.text() == vendor["account_id"]
    again.shutdown()
