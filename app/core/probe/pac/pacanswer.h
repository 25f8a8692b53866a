#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace amlfw {

// One entry of a PAC answer such as "PROXY a:8080; PROXY b:3128; DIRECT".
struct PacProxy
{
    enum class Kind { Direct, Http, Https, Socks };
    Kind kind = Kind::Direct;
    QString host;
    int port = 0;
    QString token; // as the script wrote it: "PROXY a:8080"

    // amlfw speaks DIRECT and plain HTTP proxies (PROXY, HTTP); HTTPS (TLS to the proxy) and SOCKS not.
    bool isSupported() const { return kind == Kind::Direct || kind == Kind::Http; }
    QString hostPort() const;
};

// What FindProxyForURL said for one URL.
struct PacAnswer
{
    QString answer;         // the script's string, as returned
    QList<PacProxy> proxies; // in the order to try
    QString error;          // translated; empty when the answer is usable

    bool ok() const { return error.isEmpty(); }
};

// Reads a PAC answer. An empty answer means DIRECT (as browsers take it); an unknown keyword, a
// missing host or a bad port is an error naming the entry.
struct PacAnswerParser
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::PacAnswerParser)

public:
    static PacAnswer parse(const QString &answer);
};

// The URL FindProxyForURL is asked about for an endpoint: "https://host/" for TLS on 443 (browsers
// hand a PAC no path for https), "https://host:8443/", "http://host/path" for plain HTTP.
QString pacUrlFor(const QString &host, int port, bool tls, const QString &path);

} // namespace amlfw
