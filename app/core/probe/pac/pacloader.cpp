#include "pacloader.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QStringDecoder>
#include <QTimer>
#include <QUrl>

namespace amlfw {

namespace {

QString decode(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes); // PAC files are ASCII in practice; UTF-8 covers both
}

} // namespace

bool PacLoader::isUrl(const QString &location)
{
    const QString l = location.trimmed().toLower();
    return l.startsWith(QStringLiteral("http://")) || l.startsWith(QStringLiteral("https://"))
           || l.startsWith(QStringLiteral("file:"));
}

QString PacLoader::displayName(const QString &location)
{
    return isUrl(location) ? location.trimmed() : QDir::toNativeSeparators(location.trimmed());
}

bool PacLoader::load(const QString &location, QString *script, QString *error, int timeoutMs,
                     const Cancelled &cancelled)
{
    const QString shown = displayName(location);
    QString path = location.trimmed();
    if (path.isEmpty()) {
        *error = tr("Give the PAC file's path or URL (pac:FILE or pac:http://host/proxy.pac).");
        return false;
    }
    const QUrl url(path);
    if (isUrl(path) && url.isLocalFile())
        path = url.toLocalFile();
    else if (isUrl(path)) {
        if (!url.isValid() || url.host().isEmpty()) {
            *error = tr("\"%1\" is not a URL a PAC file can be fetched from.").arg(shown);
            return false;
        }
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy); // the PAC says where the proxies are; fetch it directly
        QNetworkRequest request(url);
        request.setTransferTimeout(timeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = manager.get(request);
        QEventLoop loop;
        bool tooLarge = false;
        QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
            if (received > MaxBytes) {
                tooLarge = true;
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, [&] { reply->abort(); });
        bool gaveUp = false;
        QTimer poll;
        if (cancelled) {
            QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
                if (!gaveUp && cancelled()) {
                    gaveUp = true;
                    reply->abort();
                }
            });
            poll.start(50);
        }
        if (!reply->isFinished())
            loop.exec();
        poll.stop();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (gaveUp) {
            *error = tr("Fetching the PAC file %1 was cancelled.").arg(shown);
        } else if (tooLarge) {
            *error = tr("The PAC file %1 is larger than %2 KB.").arg(shown, QString::number(MaxBytes / 1024));
        } else if (reply->error() == QNetworkReply::OperationCanceledError
                   || reply->error() == QNetworkReply::TimeoutError) {
            *error = tr("The PAC file %1 did not arrive within %2 s.").arg(shown, QString::number(timeoutMs / 1000.0));
        } else if (status >= 400) {
            *error = tr("The PAC file %1 cannot be fetched: the server answered HTTP %2.")
                         .arg(shown, QString::number(status));
        } else if (reply->error() != QNetworkReply::NoError) {
            *error = tr("The PAC file %1 cannot be fetched: %2").arg(shown, reply->errorString());
        } else {
            *script = decode(reply->readAll());
            reply->deleteLater();
            return true;
        }
        reply->deleteLater();
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the PAC file %1: %2").arg(shown, file.errorString());
        return false;
    }
    if (file.size() > MaxBytes) {
        *error = tr("The PAC file %1 is larger than %2 KB.").arg(shown, QString::number(MaxBytes / 1024));
        return false;
    }
    *script = decode(file.read(MaxBytes));
    return true;
}

} // namespace amlfw
