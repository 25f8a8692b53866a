#include "uifont.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFontInfo>

namespace amlfw {

namespace {

// The system font as it was before applyUiFont() changed it, to go back to.
struct SavedFont
{
    QFont font;
    bool changed = false;
    int zoom = 100;
    Language language = Language::English;
};

SavedFont &saved()
{
    static SavedFont s;
    return s;
}

QFont systemFont()
{
    return saved().changed ? saved().font : QApplication::font();
}

bool hasJapanese(const QFont &font)
{
    return QFontDatabase::writingSystems(QFontInfo(font).family()).contains(QFontDatabase::Japanese);
}

} // namespace

QString japaneseUiFamily()
{
    if (hasJapanese(systemFont()))
        return {};
    // The platforms' own Japanese UI fonts first, then the common free ones.
    static const QStringList preferred{
        QStringLiteral("Yu Gothic UI"),     QStringLiteral("Meiryo UI"),          QStringLiteral("Hiragino Sans"),
        QStringLiteral("Noto Sans CJK JP"), QStringLiteral("Source Han Sans JP"), QStringLiteral("Noto Sans JP"),
        QStringLiteral("IPAexGothic"),      QStringLiteral("IPAPGothic"),         QStringLiteral("VL PGothic"),
        QStringLiteral("TakaoPGothic"),
    };
    const QStringList installed = QFontDatabase::families(QFontDatabase::Japanese);
    for (const QString &family : preferred) {
        if (installed.contains(family))
            return family;
    }
    // Any proportional sans family with Japanese (not a monospaced or serif one, if there is a choice).
    for (const QString &family : installed) {
        if (!QFontDatabase::isFixedPitch(family) && !family.contains(QStringLiteral("Mono"))
            && !family.contains(QStringLiteral("Serif")) && !family.contains(QStringLiteral("Mincho")))
            return family;
    }
    return installed.value(0);
}

void applyUiFont(Language language)
{
    saved().language = language;
    const QString family = language == Language::Japanese ? japaneseUiFamily() : QString();
    if (family.isEmpty() && saved().zoom == 100) {
        if (saved().changed) {
            saved().changed = false;
            QApplication::setFont(saved().font);
        }
        return;
    }
    if (!saved().changed) {
        saved().font = QApplication::font();
        saved().changed = true;
    }
    QFont font = saved().font; // the system font's size and style
    if (!family.isEmpty())
        font.setFamilies({family});
    if (saved().zoom != 100) {
        if (font.pointSizeF() > 0)
            font.setPointSizeF(saved().font.pointSizeF() * saved().zoom / 100.0);
        else
            font.setPixelSize(qMax(1, saved().font.pixelSize() * saved().zoom / 100));
    }
    if (QApplication::font() != font)
        QApplication::setFont(font);
}

void setUiZoom(int percent)
{
    saved().zoom = qBound(50, percent, 300);
    applyUiFont(saved().language);
}

int uiZoom()
{
    return saved().zoom;
}

} // namespace amlfw
