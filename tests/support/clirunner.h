#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace amlfw::test {

// One run of the amlfw command line (AMLFW_CLI, set by CTest).
struct CliRun
{
    int exitCode = -1; // -1: crashed, did not start or did not finish
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QJsonObject json() const; // standard output as a JSON object
};

// Runs the CLI with `arguments`, without the proxy variables of this environment, plus
// `environment` ("NAME=value"). The event loop keeps turning meanwhile, so loopback servers on
// this thread answer it. A run that does not finish in time is killed and reported as exit -1.
CliRun runCli(const QStringList &arguments, const QStringList &environment = {});

// `arguments` with "--edition 2021-11" added after the command, unless they name an edition, a
// profile or a catalog: the tests written for the 2021-11 edition keep testing it.
QStringList withEdition2021(const QStringList &arguments);

} // namespace amlfw::test
