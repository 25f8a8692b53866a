#include "probecsvreport.h"

#include "csvexporter.h"
#include "probetexts.h"

#include <QHash>

namespace amlfw {

QByteArray ProbeCsvReport::write(const ProbeRun &run, bool byteOrderMark)
{
    QStringList header{
        tr("Status"),      tr("Result"),          tr("Rule"),   tr("Destination"), tr("Host tested"), tr("Port"),
        tr("Addresses"),   tr("CNAMEs"),          tr("Path"),   tr("TLS"),         tr("HTTP"),        tr("Time (ms)"),
        tr("Explanation"), tr("What to ask for"), tr("Detail"), tr("Notes"),  tr("Endpoint"),    tr("Rules of the endpoint")};
    if (run.baseline)
        header << tr("Baseline status") << tr("Change");
    QString out;
    auto writeRow = [&out](const QStringList &cells) {
        QStringList escaped;
        for (const QString &c : cells)
            escaped << CsvExporter::cell(c);
        out += escaped.join(u',') + QStringLiteral("\r\n");
    };
    if (run.demo())
        writeRow({ProbeTexts::demoBanner()});
    writeRow(header);
    // Row per rule, as a spreadsheet filters it; each names its endpoint and every rule that shares it.
    QHash<QString, QString> rulesOfKey;
    for (const ProbeEndpoint &e : run.endpoints())
        rulesOfKey.insert(e.key, e.ruleIds(run.results).join(QStringLiteral(" ")));
    for (int row = 0; row < run.results.size(); ++row) {
        const ProbeResult &r = run.results.at(row);
        QStringList cells{probeStatusId(r.status),
                          ProbeTexts::statusLabel(r.status),
                          r.target.ruleId,
                          r.target.destination,
                          r.target.host,
                          ProbeTexts::ports(r.target),
                          r.addresses.isEmpty() ? QString() : ProbeTexts::addresses(r),
                          r.cnames.join(QStringLiteral(" > ")),
                          r.target.isTestable() ? ProbeTexts::path(r) : QString(),
                          r.target.tls ? ProbeTexts::tls(r) : QString(),
                          r.target.http ? ProbeTexts::http(r) : QString(),
                          r.timings.totalMs >= 0 ? QString::number(r.timings.totalMs) : QString(),
                          ProbeTexts::explanation(r),
                          ProbeTexts::action(r),
                          ProbeTexts::detail(r),
                          ProbeTexts::notes(r).join(u'\n'),
                          r.target.isTestable() ? r.target.host + u':' + QString::number(r.target.port) : QString(),
                          r.target.isTestable() ? rulesOfKey.value(r.target.probeKey()) : QString()};
        if (run.baseline)
            cells << run.baselineStatus(row) << ProbeTexts::changeLabel(run.change(row));
        writeRow(cells);
    }
    if (run.baseline) {
        for (const ProbeBaseline::Entry &e : run.removedEntries()) {
            QStringList cells(header.size());
            cells[2] = e.ruleId;
            cells[3] = e.destination;
            cells[4] = e.host;
            cells[5] = e.port;
            cells[12] = tr("In the baseline, not in this run.");
            cells[header.size() - 2] = e.status;
            cells[header.size() - 1] = tr("removed");
            writeRow(cells);
        }
    }
    QByteArray bytes;
    if (byteOrderMark)
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
    return bytes + out.toUtf8();
}

} // namespace amlfw
