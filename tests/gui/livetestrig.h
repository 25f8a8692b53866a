#pragma once

// The loopback rig of the live-test page's tests and screenshots: the wizard's default scenario
// (Azure Public, japaneast, storage "mystore", compute instance and cluster) with every host tested
// sent to servers on this machine, so that nothing is resolved by the system or reached beyond it.
//
//   management.azure.com:443  -> a TLS server whose certificate comes from the "inspecting" CA: TLS_INSPECTED
//   ml.azure.com:443          -> a server that accepts and never answers: TLS_TIMEOUT
//   any host :80              -> a port nothing listens on: TCP_REFUSED (or, "fixed", an HTTP server)
//   any host :445             -> the HTTP server (a TCP connection is all that is tested)
//   any other host :443       -> a TLS server with a trusted certificate: OK
//
// Names go to 127.0.0.1 through a FakeResolver (or, as the CLI takes it, --resolve *:*:127.0.0.1).

#include "answers.h"
#include "catalog.h"
#include "fakeresolver.h"
#include "httptestserver.h"
#include "liveresultfiltermodel.h"
#include "livetestoptions.h"
#include "livetestpage.h"
#include "livetestreportbar.h"
#include "probeoptions.h"
#include "probeplanner.h"
#include "probesession.h"
#include "rulegenerator.h"
#include "silentserver.h"
#include "testnet.h"
#include "testpki.h"
#include "tlstestserver.h"
#include "wizardstate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTreeView>
#include <memory>

namespace amlfw::test {

// The parts of the live-test page, found as the page composes them.
inline LiveTestOptions *liveOptions(const LiveTestPage *page)
{
    return page->findChild<LiveTestOptions *>();
}

inline LiveTestReportBar *reportBar(const LiveTestPage *page)
{
    return page->findChild<LiveTestReportBar *>();
}

inline LiveResultFilterModel *filterModel(const LiveTestPage *page)
{
    const auto *view = page->findChild<QTreeView *>(QStringLiteral("liveTestView"));
    return view ? qobject_cast<LiveResultFilterModel *>(view->model()) : nullptr;
}

struct LiveTestRig
{
    QTemporaryDir dir;
    std::unique_ptr<TestPki> pki;
    TlsTestServer ok;
    TlsTestServer inspecting;
    SilentServer silent;
    HttpTestServer http;
    RefusingPort refused; // port 80 before the "fix"
    FakeResolver resolver;
    Catalog catalog; // the built-in one, with the test CA as the issuer every host is expected to use
    QString catalogPath;
    QString caBundlePath; // both test CAs: the inspection is trusted, so it shows as TLS_INSPECTED
    QStringList hosts;

    static inline const QString InspectedHost = QStringLiteral("management.azure.com");
    static inline const QString SilentHost = QStringLiteral("ml.azure.com");

    static Answers answers()
    {
        Answers a = WizardState::defaultAnswers();
        a.region = QStringLiteral("japaneast");
        a.storage = QStringLiteral("mystore");
        return a;
    }

    // What the user types into the page's sample hosts.
    static QList<QPair<QString, QString>> samples()
    {
        return {{QStringLiteral("*.instances.azureml.net"), QStringLiteral("myci.japaneast.instances.azureml.net")},
                {QStringLiteral("*.instances.azureml.ms"), QStringLiteral("myci.japaneast.instances.azureml.ms")}};
    }

    bool setUp(QString *error)
    {
        if (!dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        QFile builtIn(Catalog::builtInPath(QStringLiteral("2021-11")));
        if (!builtIn.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the built-in catalog");
            return false;
        }
        QJsonObject root = QJsonDocument::fromJson(builtIn.readAll()).object();
        QJsonObject probe = root.value(QStringLiteral("probe")).toObject();
        probe.insert(QStringLiteral("expectedIssuers"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("id"), QStringLiteral("test")},
                         {QStringLiteral("hosts"), QJsonArray{QStringLiteral("*")}},
                         {QStringLiteral("issuers"), QJsonArray{QString::fromLatin1(TestPki::PublicOrganization)}}}});
        root.insert(QStringLiteral("probe"), probe);
        catalogPath = dir.filePath(QStringLiteral("catalog.json"));
        QFile out(catalogPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) < 0) {
            *error = QStringLiteral("cannot write the test catalog");
            return false;
        }
        out.close();
        Problems problems;
        catalog = Catalog::fromFile(catalogPath, &problems);
        if (!catalog.isValid()) {
            *error = formatProblems(problems);
            return false;
        }

        // Every host the scenario tests, for the certificates' names and the resolver.
        ProbeOptions options;
        for (const auto &[destination, host] : samples())
            options.samples.insert(destination, host);
        QSet<QString> seen;
        for (const ProbeTarget &t : ProbePlanner::plan(RuleGenerator::generate(catalog, answers()), options)) {
            if (!t.host.isEmpty() && !seen.contains(t.host)) {
                seen.insert(t.host);
                hosts << t.host;
            }
        }
        for (const QString &host : std::as_const(hosts))
            resolver.setAddresses(host, {QHostAddress(QHostAddress::LocalHost)});

        pki = std::make_unique<TestPki>(dir.path());
        if (!pki->create(error))
            return false;
        const auto good = pki->issue(QStringLiteral("scenario"), hosts, TestPki::Authority::Public, error);
        if (!good)
            return false;
        const auto inspected = pki->issue(QStringLiteral("inspected"), hosts, TestPki::Authority::Inspection, error);
        if (!inspected)
            return false;
        ok.setCertificate(good->chain, good->key);
        inspecting.setCertificate(inspected->chain, inspected->key);
        if (!ok.listenLoopback() || !inspecting.listenLoopback() || !silent.listenLoopback()
            || !http.listenLoopback()) {
            *error = QStringLiteral("cannot listen on loopback");
            return false;
        }
        if (!refused.isValid()) {
            *error = QStringLiteral("cannot bind a loopback port");
            return false;
        }
        caBundlePath = dir.filePath(QStringLiteral("test-cas.pem"));
        QFile cas(caBundlePath);
        if (!cas.open(QIODevice::WriteOnly) || cas.write(pki->publicCa.toPem() + pki->inspectionCa.toPem()) < 0) {
            *error = QStringLiteral("cannot write the CA bundle");
            return false;
        }
        return true;
    }

    // --connect-to rules, in the CLI's words; the first that matches wins.
    QStringList connectTo(bool port80Fixed = false) const
    {
        return {InspectedHost + QStringLiteral(":443::%1").arg(inspecting.serverPort()),
                SilentHost + QStringLiteral(":443::%1").arg(silent.serverPort()),
                QStringLiteral(":80::%1").arg(port80Fixed ? http.serverPort() : refused.port()),
                QStringLiteral(":445::%1").arg(http.serverPort()), QStringLiteral(":443::%1").arg(ok.serverPort())};
    }

    static QString pinAll() { return QStringLiteral("*:*:127.0.0.1"); }

    // What the page does not ask for: the connect-to rules, and with `pinned` the --resolve rule.
    ProbeOptions baseOptions(bool port80Fixed = false, bool pinned = false) const
    {
        ProbeOptions o;
        QString error;
        for (const QString &text : connectTo(port80Fixed))
            o.connectTo << *ProbeOptions::parseConnectTo(text, &error);
        if (pinned)
            o.resolve << *ProbeOptions::parseResolve(pinAll(), &error);
        return o;
    }

    // "amlfw check" for the same scenario, options and rig.
    QStringList cliArguments(int timeoutSeconds, bool port80Fixed = false) const
    {
        QStringList args{QStringLiteral("check"),
                         QStringLiteral("--cloud"),
                         QStringLiteral("public"),
                         QStringLiteral("--region"),
                         QStringLiteral("japaneast"),
                         QStringLiteral("--storage"),
                         QStringLiteral("mystore"),
                         QStringLiteral("--features"),
                         answers().features.join(u','),
                         QStringLiteral("--catalog"),
                         catalogPath,
                         QStringLiteral("--proxy"),
                         QStringLiteral("none"),
                         QStringLiteral("--ca-bundle"),
                         caBundlePath,
                         QStringLiteral("--timeout-ms"),
                         QString::number(timeoutSeconds * 1000),
                         QStringLiteral("--resolve"),
                         pinAll()};
        for (const QString &rule : connectTo(port80Fixed))
            args << QStringLiteral("--connect-to") << rule;
        for (const auto &[destination, host] : samples())
            args << QStringLiteral("--sample") << destination + u'=' + host;
        return args;
    }
};

} // namespace amlfw::test
