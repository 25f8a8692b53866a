#include "ruletreemodel.h"

#include "azurefirewall.h"
#include "rulelabels.h"
#include "textreport.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace amlfw {

namespace {

// Item rows carry their group's number + 1 in the internal id; group rows carry 0.
constexpr quintptr GroupRowId = 0;

// Inside the "other firewalls" tab every section says "Other firewalls: ...", and some tables are
// named like their section ("Python hosts › Python hosts"): keep what tells the tables apart.
QString hostTableTitle(const RuleSet &set, const QString &tableId, Language language)
{
    const Table *table = set.catalog.table(tableId);
    if (!table)
        return tableId;
    const QString tableTitle = table->title.text(language);
    const Section *section = set.catalog.section(table->section);
    if (!section)
        return tableTitle;
    QString sectionTitle = section->title.text(language);
    const qsizetype colon = sectionTitle.indexOf(QStringLiteral(": "));
    if (colon >= 0)
        sectionTitle = sectionTitle.mid(colon + 2);
    if (sectionTitle == tableTitle)
        return tableTitle;
    return sectionTitle + QStringLiteral(" › ") + tableTitle;
}

} // namespace

RuleTreeModel::RuleTreeModel(Mode mode, QList<FirewallRuleType> types, QObject *parent)
    : QAbstractItemModel(parent)
    , m_mode(mode)
    , m_types(std::move(types))
{
}

void RuleTreeModel::setRuleSet(std::shared_ptr<const RuleSet> set, Language language)
{
    beginResetModel();
    m_set = std::move(set);
    m_language = language;
    m_groups.clear();
    if (m_set) {
        if (m_mode == Mode::Firewall) {
            for (const FirewallGroup &fg : firewallGroups(*m_set)) {
                if (!m_types.contains(fg.type))
                    continue;
                Group group{TextReport::groupTitle(fg.type), {}, {}};
                for (const auto &e : fg.entries)
                    group.entries.append(Entry{e.first, e.second, true, {}});
                m_groups << group;
            }
        } else {
            for (const QString &tableId : m_set->tablesInView(QStringLiteral("other-firewalls"))) {
                Group group{
                    hostTableTitle(*m_set, tableId, language), {}, RuleLabels::tableTitle(*m_set, tableId, language)};
                for (const Rule *rule : m_set->rulesInTable(tableId))
                    group.entries.append(Entry{rule, {}, false, tableId});
                m_groups << group;
            }
        }
    }
    endResetModel();
}

void RuleTreeModel::setChangeMarks(bool shown, const QHash<QString, QString> &marks)
{
    beginResetModel();
    m_changesShown = shown;
    m_marks = shown ? marks : QHash<QString, QString>();
    endResetModel();
}

void RuleTreeModel::retranslate()
{
    // Group titles of the firewall view are amlfw's own words.
    setRuleSet(m_set, m_language);
}

int RuleTreeModel::itemCount() const
{
    int count = 0;
    for (const Group &g : m_groups)
        count += int(g.entries.size());
    return count;
}

const RuleTreeModel::Entry *RuleTreeModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == GroupRowId)
        return nullptr;
    const qsizetype g = qsizetype(index.internalId() - 1);
    if (g >= m_groups.size() || index.row() >= m_groups.at(g).entries.size())
        return nullptr;
    return &m_groups.at(g).entries.at(index.row());
}

QString RuleTreeModel::cellText(const Entry &e, int column) const
{
    const Rule &rule = *e.rule;
    switch (column) {
    case DestinationColumn:
        if (e.hasPart)
            return e.part.urlPath.isEmpty() ? e.part.target : e.part.urlPath;
        return rule.destination;
    case ProtocolColumn:
        return e.hasPart ? RuleLabels::protocol(rule, e.part, m_language) : RuleLabels::protocol(rule);
    case PortsColumn:
        if (e.hasPart)
            return RuleLabels::ports(e.part.ports, m_language);
        return RuleLabels::ports(rule.ports, m_language);
    case RequiredForColumn:
        return RuleLabels::features(*m_set, rule, m_language);
    case PurposeColumn:
        if (!e.tableId.isEmpty()) {
            for (const RuleSource &s : rule.sources) {
                if (s.table == e.tableId)
                    return s.purpose.text(m_language);
            }
        }
        return RuleLabels::purpose(rule, m_language);
    case IdColumn:
        return rule.id;
    case ChangeColumn:
        return m_marks.value(rule.id);
    }
    return {};
}

QStringList RuleTreeModel::noteTexts(const Entry &e) const
{
    QStringList notes;
    for (const Note &n : e.rule->notes)
        notes << n.text.text(m_language);
    if (e.hasPart) {
        const QString explanation = AzureFirewall::explanation(e.part);
        if (!explanation.isEmpty())
            notes << explanation;
    }
    return notes;
}

QModelIndex RuleTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount())
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, GroupRowId) : QModelIndex();
    if (parent.internalId() != GroupRowId || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).entries.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex RuleTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, GroupRowId);
}

int RuleTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == GroupRowId && parent.column() == 0 && parent.row() < m_groups.size())
        return int(m_groups.at(parent.row()).entries.size());
    return 0;
}

int RuleTreeModel::columnCount(const QModelIndex &) const
{
    return m_changesShown ? ColumnCount : ChangeColumn;
}

Qt::ItemFlags RuleTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == GroupRowId)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant RuleTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == GroupRowId) {
        if (index.row() >= m_groups.size())
            return {};
        const Group &group = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == 0
                       ? QStringLiteral("%1 (%2)").arg(group.title, QString::number(group.entries.size()))
                       : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::ToolTipRole:
            return group.fullTitle.isEmpty() ? QVariant() : group.fullTitle;
        case SearchTextRole:
            return group.title.toLower();
        case GroupTitleRole:
            return group.title;
        case EntryRole:
            return -1;
        default:
            return {};
        }
    }
    const Entry *e = entry(index);
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*e, index.column());
    case Qt::ToolTipRole: {
        const QStringList notes = noteTexts(*e);
        if (index.column() == DestinationColumn && !notes.isEmpty())
            return notes.join(QStringLiteral("\n\n"));
        const QString text = cellText(*e, index.column());
        return text.size() > 40 ? text : QVariant();
    }
    case Qt::DecorationRole:
        if (index.column() == DestinationColumn) {
            const int level = data(index, NoteLevelRole).toInt();
            if (level == 2)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            if (level == 1)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        if (index.column() == DestinationColumn) {
            QStringList texts = noteTexts(*e);
            if (!m_marks.value(e->rule->id).isEmpty())
                texts.prepend(m_marks.value(e->rule->id));
            return texts.join(u' ');
        }
        return {};
    case RuleIdRole:
        return e->rule->id;
    case NoteLevelRole: {
        bool warning = false;
        for (const Note &n : e->rule->notes)
            warning = warning || n.severity == NoteSeverity::Warning;
        if (e->hasPart)
            warning = warning || e->part.type == FirewallRuleType::Unsupported || e->part.dnsProxyRequired;
        if (warning)
            return 2;
        return noteTexts(*e).isEmpty() ? 0 : 1;
    }
    case SearchTextRole: {
        QStringList parts;
        for (int c = 0; c < columnCount(); ++c)
            parts << cellText(*e, c);
        parts << noteTexts(*e);
        return parts.join(u' ').toLower();
    }
    case EntryRole:
        return index.row();
    default:
        return {};
    }
}

QVariant RuleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DestinationColumn:
        return m_mode == Mode::HostTables ? tr("Host") : tr("Destination");
    case ProtocolColumn:
        return tr("Protocol");
    case PortsColumn:
        return tr("Ports");
    case RequiredForColumn:
        return tr("Required for");
    case PurposeColumn:
        return tr("Purpose");
    case IdColumn:
        return tr("Rule ID");
    case ChangeColumn:
        return tr("Change");
    }
    return {};
}

} // namespace amlfw
