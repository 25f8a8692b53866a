#pragma once

#include <QNetworkProxy>
#include <QString>

namespace amlfw {

// "host:port", with brackets around an IPv6 address.
QString hostPort(const QString &host, int port);

// What decides how one endpoint's connection goes out.
struct PathRequest
{
    QString host; // the host tested
    int port = 0;
    bool web = false;        // TLS or HTTP: the traffic a proxy carries
    bool redirected = false; // --connect-to matched
    QString redirectHost;    // empty: the same host
    int redirectPort = 0;    // 0: the same port
    // The proxy configured for this endpoint (--proxy, or the system's answer for its URL);
    // NoProxy or DefaultProxy: none.
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
};

// How it goes out.
struct PathChoice
{
    QString connectHost; // where the connection goes, or what CONNECT names through a proxy
    int connectPort = 0;
    bool viaProxy = false; // through an HTTP proxy: TCP goes to proxyHost:proxyPort
    QString proxyHost;
    int proxyPort = 0;
    QString proxyUser;
    QString proxyPassword;
    bool bypassed = false;    // a proxy is configured but does not carry this (non-web) port
    QString unsupportedProxy; // "socks5://host:port": a proxy amlfw does not speak; nothing is tried

    QString proxyDisplay() const { return viaProxy ? hostPort(proxyHost, proxyPort) : QString(); }
};

// Direct or through which proxy. Pure: the system's proxy answer comes in with the request.
PathChoice choosePath(const PathRequest &request);

// The system's proxy for an endpoint (its settings, PAC, per-host exceptions): the first answer.
// On Linux Qt (through libproxy) reads http_proxy/https_proxy (either case) and no_proxy, but
// takes neither "*" nor a domain without a leading dot for its subdomains as curl and most tools
// do: the environment's no_proxy is applied here as they read it, before Qt is asked.
QNetworkProxy systemProxyFor(const QString &host, int port, bool tls);

// no_proxy as curl reads it: "*" for every host; "example.com" and ".example.com" for the domain
// and every name below it; "host:port" for one port; an IP address (or CIDR prefix) for itself.
bool noProxyMatches(const QString &noProxy, const QString &host, int port);

} // namespace amlfw
