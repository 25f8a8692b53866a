#include "problem.h"

#include <QCoreApplication>

namespace amlfw {

QString formatProblems(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems) {
        const QString label = p.isError() ? QCoreApplication::translate("amlfw::Problem", "error")
                                          : QCoreApplication::translate("amlfw::Problem", "warning");
        lines << label + QStringLiteral(": ") + p.toString();
    }
    return lines.join(u'\n');
}

} // namespace amlfw
