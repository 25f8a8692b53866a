#include "proberesultmodel.h"

#include "probeengine.h"
#include "probetexts.h"

namespace amlfw {

ProbeResultModel::ProbeResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProbeResultModel::setEngine(ProbeEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &ProbeEngine::started, this, [this] { setResults(m_engine->results()); });
    connect(engine, &ProbeEngine::resultChanged, this,
            [this](int row) { setResult(row, m_engine->results().at(row)); });
    setResults(engine->results());
}

void ProbeResultModel::setResults(const QList<ProbeResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

void ProbeResultModel::setResult(int row, const ProbeResult &result)
{
    if (row < 0 || row >= m_results.size())
        return;
    m_results[row] = result;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProbeResultModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_results.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_results.size()) - 1, ColumnCount - 1));
}

void ProbeResultModel::setBaseline(const std::optional<ProbeBaseline> &baseline)
{
    m_baseline = baseline;
    if (!m_results.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_results.size()) - 1, ColumnCount - 1));
}

ProbeChange ProbeResultModel::change(int row) const
{
    if (!m_baseline || row < 0 || row >= m_results.size())
        return ProbeChange::None;
    const ProbeResult &r = m_results.at(row);
    if (!isFinal(r.status)) // a row being tested has not changed yet
        return ProbeChange::None;
    return m_baseline->changeOf(r);
}

int ProbeResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ProbeResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.size())
        return {};
    const ProbeResult &r = m_results.at(index.row());
    switch (role) {
    case StatusRole:
        return int(r.status);
    case StatusIdRole:
        return probeStatusId(r.status);
    case StatusLabelRole:
        return ProbeTexts::statusLabel(r.status);
    case FailedRole:
        return isFailure(r.status);
    case FinalRole:
        return isFinal(r.status);
    case RuleIdRole:
        return r.target.ruleId;
    case ExplanationRole:
        return ProbeTexts::explanation(r);
    case ActionRole:
        return ProbeTexts::action(r);
    case NotesRole:
        return ProbeTexts::notes(r);
    case ChangeRole:
        return int(change(index.row()));
    case BaselineStatusRole:
        return m_baseline ? m_baseline->statusOf(r.target) : QString();
    case Qt::ToolTipRole:
        if (index.column() == HostColumn)
            return ProbeTexts::hostNote(r.target);
        if (index.column() == StatusColumn)
            return ProbeTexts::statusLabel(r.status);
        return ProbeTexts::explanation(r);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case StatusColumn:
        return probeStatusId(r.status);
    case RuleColumn:
        return r.target.ruleId;
    case DestinationColumn:
        return r.target.destination;
    case HostColumn:
        return r.target.host.isEmpty() ? QStringLiteral("-") : r.target.host;
    case PortColumn:
        return ProbeTexts::ports(r.target);
    case AddressesColumn:
        return isFinal(r.status) ? ProbeTexts::addresses(r) : QString();
    case PathColumn:
        return isFinal(r.status) && r.target.isTestable() ? ProbeTexts::path(r) : QString();
    case TimeColumn:
        return isFinal(r.status) ? ProbeTexts::duration(r.timings.totalMs) : QString();
    case DetailColumn:
        return isFinal(r.status) ? ProbeTexts::detail(r) : QString();
    case ExplanationColumn:
        return ProbeTexts::explanation(r);
    case ChangeColumn:
        return ProbeTexts::changeLabel(change(index.row()));
    default:
        return {};
    }
}

QVariant ProbeResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case RuleColumn:
        return tr("Rule");
    case DestinationColumn:
        return tr("Destination");
    case HostColumn:
        return tr("Host tested");
    case PortColumn:
        return tr("Port");
    case AddressesColumn:
        return tr("Addresses");
    case PathColumn:
        return tr("Path");
    case TimeColumn:
        return tr("Time");
    case DetailColumn:
        return tr("Detail");
    case ExplanationColumn:
        return tr("Explanation");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}

} // namespace amlfw
