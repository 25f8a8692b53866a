#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace amlfw {

// Reads a PAC script from a file or fetches it from an http, https or file URL.
struct PacLoader
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::PacLoader)

public:
    static constexpr qint64 MaxBytes = 1024 * 1024;
    static constexpr int DefaultTimeoutMs = 10000;

    static bool isUrl(const QString &location); // http://, https:// or file:
    // How messages name the location: a URL as given, a path in the platform's spelling.
    static QString displayName(const QString &location);
    // True when the user gave up waiting (a progress dialog's Cancel); asked while a URL is fetched.
    using Cancelled = std::function<bool()>;

    // Waits for a URL on a local event loop (up to timeoutMs, or until `cancelled` says so). False
    // with a translated message.
    static bool load(const QString &location, QString *script, QString *error, int timeoutMs = DefaultTimeoutMs,
                     const Cancelled &cancelled = {});
};

} // namespace amlfw
