"""Languages: Simplified Chinese (the default under a Chinese locale) and English, switchable.

Our catalogs come from ``resources/translations`` (``.qm`` compiled from the ``.ts`` sources by
``pyside6-lrelease``): Chinese in full, English for plural forms only. Qt's own catalog
translates the standard dialogs' buttons.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = {CHINESE: "简体中文", ENGLISH: "English"}

_installed: list[QTranslator] = []


def default_language() -> str:
    """Chinese under a Chinese system locale, else English."""
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def catalog_path(language: str) -> str:
    return str(resources.files("vendor_desktop.resources") / "translations" / f"vendor_desktop_{language}.qm")


def install(language: str) -> str:
    """Switch the whole app to ``language``; widgets get a LanguageChange event and re-translate."""
    if language not in LANGUAGES:
        language = ENGLISH
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Chinese if language == CHINESE else QLocale.Language.English,
            QLocale.Country.China if language == CHINESE else QLocale.Country.UnitedStates,
        )
    )
    # English sources need a catalog only for plural forms ("1 order", "205 orders").
    ours = QTranslator(app)
    if ours.load(catalog_path(language)):
        app.installTranslator(ours)
        _installed.append(ours)
    if language == CHINESE:
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    # Removing or installing a translator makes Qt send LanguageChange to every window, and
    # views re-translate.
    return language


class MixinPlurals:
    """``self.tr`` that finds a ``%n`` string said in a mixin (the status bar's "%n changes …").

    PySide's ``tr`` asks the catalog under each class of ``type(self).__mro__`` in turn and keeps
    the first answer that differs from the source. A ``%n`` answer always differs once the count
    is put in, so a mixin's plural was looked up under the window's class name only, never found,
    and a Chinese screen showed "1 changes waiting to send". This one keeps looking until a
    catalog knows the string. Put it first among a window's bases."""

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        untranslated = QCoreApplication.translate("", source, disambiguation, n)
        for cls in type(self).__mro__:
            text = QCoreApplication.translate(cls.__name__, source, disambiguation, n)
            if text != untranslated:
                return text
        return untranslated
