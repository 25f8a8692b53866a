// The Japanese translation stays complete: no unfinished or empty entry, every placeholder kept,
// and no tr() string in the sources that the .ts file lacks (checked by running lupdate on a copy).

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
            current = Message{context, {}, {}, {}};
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
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

QString tsPath()
{
    return qEnvironmentVariable("AMLFW_SOURCE_DIR") + QStringLiteral("/translations/amlfw_ja.ts");
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete()
    {
        QString error;
        const QList<Message> messages = readTs(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
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
    void nothingMissing()
    {
        const QString lupdate = qEnvironmentVariable("AMLFW_LUPDATE");
        const QString sourcesFile = qEnvironmentVariable("AMLFW_I18N_SOURCES");
        if (lupdate.isEmpty() || !QFile::exists(lupdate))
            QSKIP("lupdate not available (install qt6-l10n-tools)");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("amlfw_ja.ts"));
        QVERIFY(QFile::copy(tsPath(), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess process;
        process.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                                QStringLiteral("@") + sourcesFile, QStringLiteral("-ts"), copy});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QString error;
        QStringList missing;
        for (const Message &m : readTs(copy, &error)) {
            if (m.type == u"unfinished")
                missing << m.context + QStringLiteral(": \"") + m.source + u'"';
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in translations/amlfw_ja.ts (run the update_translations "
                                                              "target and translate them):\n")
                                               + missing.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
