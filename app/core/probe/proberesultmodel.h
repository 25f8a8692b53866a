#pragma once

#include "proberesult.h"
#include "proberun.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <optional>

namespace amlfw {

class ProbeEngine;

// The results of a live test as a table, for the CLI's live view and the wizard's test page.
// Texts come from ProbeTexts in the current language; retranslate() after switching language.
class ProbeResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        RuleColumn,
        DestinationColumn,
        HostColumn,
        PortColumn,
        AddressesColumn,
        PathColumn,
        TimeColumn,
        DetailColumn,
        ExplanationColumn,
        ChangeColumn, // against the baseline; empty without one
        ColumnCount
    };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(ProbeStatus)
        StatusIdRole,                  // "TCP_REFUSED"
        StatusLabelRole,               // "Connection refused", translated
        FailedRole,                    // bool: tested and not OK
        FinalRole,                     // bool: the row has its verdict
        RuleIdRole,
        ExplanationRole,
        ActionRole,
        NotesRole,          // QStringList
        ChangeRole,         // int(ProbeChange); None without a baseline or while the row runs
        BaselineStatusRole, // the status id in the baseline, empty when not in it
    };

    explicit ProbeResultModel(QObject *parent = nullptr);

    // Follows the engine: rows reset when it starts, change as results come.
    void setEngine(ProbeEngine *engine);
    void setResults(const QList<ProbeResult> &results);
    void setResult(int row, const ProbeResult &result);
    const QList<ProbeResult> &results() const { return m_results; }
    const ProbeResult &result(int row) const { return m_results.at(row); }
    void retranslate();

    // A previous run to compare with (ChangeColumn, ChangeRole); nullopt: none.
    void setBaseline(const std::optional<ProbeBaseline> &baseline);
    const std::optional<ProbeBaseline> &baseline() const { return m_baseline; }
    ProbeChange change(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<ProbeEngine> m_engine;
    QList<ProbeResult> m_results;
    std::optional<ProbeBaseline> m_baseline;
};

} // namespace amlfw
