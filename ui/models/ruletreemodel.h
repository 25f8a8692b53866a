#pragma once

#include "language.h"
#include "rule.h"

#include <QAbstractItemModel>
#include <QHash>
#include <memory>

namespace amlfw {

// Rules in groups, for one tab of the rules page: the Azure Firewall view (groups of firewall rule
// types, one row per firewall part) or the host tables for other firewalls (one group per table).
// Holds its own copy of the rule set, so rows stay valid while the wizard regenerates.
class RuleTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Mode { Firewall, HostTables };
    enum Column {
        DestinationColumn,
        ProtocolColumn,
        PortsColumn,
        RequiredForColumn,
        PurposeColumn,
        IdColumn,
        ChangeColumn, // only while changes against another edition are shown
        ColumnCount
    };
    enum Role {
        RuleIdRole = Qt::UserRole + 1,
        SearchTextRole, // lower case: every column, notes and group title
        NoteLevelRole,  // 0 none, 1 notes, 2 warnings
        EntryRole,      // index into entries(), -1 on group rows
        GroupTitleRole, // group rows: the title without its count
    };

    struct Entry
    {
        const Rule *rule = nullptr;
        FirewallPart part; // Firewall mode
        bool hasPart = false;
        QString tableId; // HostTables mode
    };
    struct Group
    {
        QString title;
        QList<Entry> entries;
        QString fullTitle; // host tables: section and table as the CLI names them
    };

    RuleTreeModel(Mode mode, QList<FirewallRuleType> types, QObject *parent = nullptr);

    // Rebuilds from `set` in `language` (catalog texts); amlfw's words come from the translator.
    void setRuleSet(std::shared_ptr<const RuleSet> set, Language language);
    const RuleSet *ruleSet() const { return m_set.get(); }

    int itemCount() const;
    const Entry *entry(const QModelIndex &index) const;
    QString cellText(const Entry &entry, int column) const;
    QStringList noteTexts(const Entry &entry) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void retranslate(); // header texts and amlfw's words, after a language change

    // Shows the change column with a text mark per rule id ("New", "Changed: ports 443 → 443, 8787"),
    // or hides it. Marks are text, so that the change does not rest on colour alone.
    void setChangeMarks(bool shown, const QHash<QString, QString> &marks);
    bool changesShown() const { return m_changesShown; }
    QString changeMark(const QString &ruleId) const { return m_marks.value(ruleId); }

private:
    Mode m_mode;
    QList<FirewallRuleType> m_types;
    std::shared_ptr<const RuleSet> m_set;
    Language m_language = Language::English;
    QList<Group> m_groups;
    bool m_changesShown = false;
    QHash<QString, QString> m_marks; // rule id -> change mark
};

} // namespace amlfw
