// The translations stay complete: no unfinished or empty entry, every placeholder kept, and no tr()
// string in the sources that a .ts file lacks (checked by running lupdate on a copy). Japanese has
// every string; English only the plural forms (lupdate -pluralonly), one per count form.

#include "language.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type;
    bool numerus = false;
    QStringList forms; // numerus entries: one text per plural form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = Message{context, {}, {}, {}, xml.attributes().value(QStringLiteral("numerus")) == u"yes", {}};
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        current.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
                current.translation = current.forms.join(u'\n');
            } else {
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

QString tsPath(const QString &code)
{
    return qEnvironmentVariable("AMLFW_SOURCE_DIR") + QStringLiteral("/translations/amlfw_") + code
           + QStringLiteral(".ts");
}

void addLanguages()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("forms"); // plural forms of the language: Japanese has one, English two
    QTest::newRow("ja") << QStringLiteral("ja") << 1;
    QTest::newRow("en") << QStringLiteral("en") << 2;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data() { addLanguages(); }
    void complete()
    {
        QFETCH(QString, code);
        QFETCH(int, forms);
        QString error;
        const QList<Message> messages = readTs(tsPath(code), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > (code == u"ja" ? 100 : 5));
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
            if (m.source.contains(QStringLiteral("%n")) != m.numerus)
                problems << (m.numerus ? QStringLiteral("a plural entry without %n: ")
                                       : QStringLiteral("%n without a count (tr(text, nullptr, n)): "))
                                + where;
            if (m.numerus && m.type != u"unfinished" && m.forms.size() != forms)
                problems << QStringLiteral("%1 plural forms instead of %2: ").arg(m.forms.size()).arg(forms) + where;
            if (m.type == u"unfinished")
                problems << QStringLiteral("unfinished: ") + where;
            else if (m.type == u"vanished" || m.type == u"obsolete")
                problems << QStringLiteral("obsolete entry left in the file: ") + where;
            else if (m.translation.trimmed().isEmpty())
                problems << QStringLiteral("empty translation: ") + where;
            else if (placeholders(m.source) != placeholders(m.translation))
                problems << QStringLiteral("placeholders differ: ") + where + QStringLiteral(" -> ") + m.translation;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // Strings added to the code but never brought into the .ts file are missing translations too.
    void nothingMissing_data() { addLanguages(); }
    void nothingMissing()
    {
        QFETCH(QString, code);
        const QString lupdate = qEnvironmentVariable("AMLFW_LUPDATE");
        const QString sourcesFile = qEnvironmentVariable("AMLFW_I18N_SOURCES");
        if (lupdate.isEmpty() || !QFile::exists(lupdate))
            QSKIP("lupdate not available (install qt6-l10n-tools)");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("amlfw_") + code + QStringLiteral(".ts"));
        QVERIFY(QFile::copy(tsPath(code), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList arguments{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")};
        if (code == u"en")
            arguments << QStringLiteral("-pluralonly");
        arguments << QStringLiteral("@") + sourcesFile << QStringLiteral("-ts") << copy;
        QProcess process;
        process.start(lupdate, arguments);
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QString error;
        QStringList missing;
        for (const Message &m : readTs(copy, &error)) {
            if (m.type == u"unfinished")
                missing << m.context + QStringLiteral(": \"") + m.source + u'"';
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in translations/amlfw_%1.ts (run the update_translations "
                                           "target and translate them):\n")
                                .arg(code)
                            + missing.join(u'\n')));
    }

    // What the plural forms are for: a count in words, in both languages, also when the other
    // language is the one installed.
    void pluralForms()
    {
        using namespace amlfw;
        const char *context = "amlfw::FeaturesPage";
        const char *source = "+%n rule(s)";
        QVERIFY(applyLanguage(Language::English));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1), QStringLiteral("+1 rule"));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 2), QStringLiteral("+2 rules"));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 0), QStringLiteral("+0 rules"));
        QCOMPARE(translate(Language::Japanese, context, source, 2), QStringLiteral("+2 件の規則"));
        QVERIFY(applyLanguage(Language::Japanese));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1), QStringLiteral("+1 件の規則"));
        QCOMPARE(translate(Language::English, context, source, 1), QStringLiteral("+1 rule"));
        QVERIFY(applyLanguage(Language::English));
    }

    // The system language is the first of the user's preferred languages that amlfw speaks.
    void languageFromPreferences()
    {
        using namespace amlfw;
        QCOMPARE(
            amlfw::languageFromPreferences({QStringLiteral("fr-FR"), QStringLiteral("ja-JP"), QStringLiteral("en-US")}),
            Language::Japanese);
        QCOMPARE(amlfw::languageFromPreferences({QStringLiteral("de"), QStringLiteral("en-GB"), QStringLiteral("ja")}),
                 Language::English);
        QCOMPARE(amlfw::languageFromPreferences({QStringLiteral("ja_JP")}), Language::Japanese);
        QCOMPARE(amlfw::languageFromPreferences({QStringLiteral("fr"), QStringLiteral("de")}), Language::English);
        QCOMPARE(amlfw::languageFromPreferences({}), Language::English);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
