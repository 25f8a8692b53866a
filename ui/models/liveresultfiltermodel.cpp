#include "liveresultfiltermodel.h"

#include "proberesultmodel.h"
#include "probestatusstyle.h"
#include "probetexts.h"

namespace amlfw {

namespace {

// Failures first when sorted ascending: what needs attention comes to the top.
int severity(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Ok:
        return 6;
    case ProbeStatus::NotTestable:
        return 5;
    case ProbeStatus::Pending:
        return 4;
    case ProbeStatus::Running:
        return 3;
    case ProbeStatus::Cancelled:
        return 2;
    case ProbeStatus::TlsInspected:
        return 1;
    default:
        return 0;
    }
}

} // namespace

LiveResultFilterModel::LiveResultFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void LiveResultFilterModel::setResultModel(ProbeResultModel *model)
{
    m_results = model;
    setSourceModel(model);
}

void LiveResultFilterModel::setFailuresOnly(bool on)
{
    if (on == m_failuresOnly)
        return;
    m_failuresOnly = on;
    invalidateFilter();
}

void LiveResultFilterModel::setPlanView(bool on)
{
    if (on == m_planView)
        return;
    m_planView = on;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString LiveResultFilterModel::stagesText(const ProbeTarget &target)
{
    if (!target.isTestable())
        return {};
    QStringList stages{tr("DNS"), tr("TCP")};
    if (target.tls)
        stages << tr("TLS");
    if (target.http)
        stages << tr("HTTP");
    return stages.join(QStringLiteral(" → "));
}

QVariant LiveResultFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (m_planView && orientation == Qt::Horizontal && section == ProbeResultModel::DetailColumn
        && role == Qt::DisplayRole)
        return tr("What will be tested");
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

int LiveResultFilterModel::sourceRow(int row) const
{
    const QModelIndex source = mapToSource(index(row, 0));
    return source.isValid() ? source.row() : -1;
}

QVariant LiveResultFilterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_results)
        return QSortFilterProxyModel::data(index, role);
    const QModelIndex source = mapToSource(index);
    const ProbeStatus status = m_results->result(source.row()).status;
    if (index.column() == ProbeResultModel::StatusColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return m_results->data(source, ProbeResultModel::StatusLabelRole);
        case Qt::DecorationRole:
            return ProbeStatusStyle::icon(status);
        case Qt::ToolTipRole:
            return QString(m_results->data(source, ProbeResultModel::StatusIdRole).toString() + QStringLiteral(": ")
                           + m_results->data(source, ProbeResultModel::ExplanationRole).toString());
        case Qt::AccessibleTextRole:
            return QString(m_results->data(source, ProbeResultModel::StatusLabelRole).toString() + QStringLiteral(" (")
                           + m_results->data(source, ProbeResultModel::StatusIdRole).toString() + u')');
        case Qt::BackgroundRole:
            if (const QColor c = ProbeStatusStyle::background(status); c.isValid())
                return c;
            return {};
        case Qt::ForegroundRole:
            if (ProbeStatusStyle::background(status).isValid())
                return ProbeStatusStyle::text();
            return {};
        default:
            break;
        }
    } else if (index.column() == ProbeResultModel::ChangeColumn) {
        const auto change = ProbeChange(m_results->data(source, ProbeResultModel::ChangeRole).toInt());
        if (role == Qt::BackgroundRole) {
            if (const QColor c = ProbeStatusStyle::changeBackground(change); c.isValid())
                return c;
            return {};
        }
        if (role == Qt::ForegroundRole) {
            if (ProbeStatusStyle::changeBackground(change).isValid())
                return ProbeStatusStyle::text();
            // Most rows are unchanged: quieter, so that the changes stand out.
            if (change == ProbeChange::Unchanged)
                return ProbeStatusStyle::accent(ProbeStatusStyle::Tone::Neutral);
            return {};
        }
        if (role == Qt::ToolTipRole) {
            const QString before = m_results->data(source, ProbeResultModel::BaselineStatusRole).toString();
            return before.isEmpty() ? QString()
                                    : QString(before + QStringLiteral(" → ")
                                              + m_results->data(source, ProbeResultModel::StatusIdRole).toString());
        }
    } else if (m_planView && index.column() == ProbeResultModel::DetailColumn
               && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        const ProbeTarget &t = m_results->result(source.row()).target;
        return t.isTestable() ? stagesText(t) : ProbeTexts::notTestable(t);
    } else if (index.column() == ProbeResultModel::TimeColumn && role == Qt::TextAlignmentRole) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return QSortFilterProxyModel::data(index, role);
}

bool LiveResultFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_failuresOnly || !m_results || sourceParent.isValid())
        return true;
    return isFailure(m_results->result(sourceRow).status);
}

bool LiveResultFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_results)
        return QSortFilterProxyModel::lessThan(left, right);
    const ProbeResult &a = m_results->result(left.row());
    const ProbeResult &b = m_results->result(right.row());
    switch (left.column()) {
    case ProbeResultModel::StatusColumn:
        if (severity(a.status) != severity(b.status))
            return severity(a.status) < severity(b.status);
        return int(a.status) < int(b.status);
    case ProbeResultModel::PortColumn:
        return a.target.port < b.target.port;
    case ProbeResultModel::TimeColumn:
        return a.timings.totalMs < b.timings.totalMs;
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace amlfw
