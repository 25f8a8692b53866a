#pragma once

#include <QSortFilterProxyModel>

namespace amlfw {

class ProbeResultModel;
struct ProbeTarget;

// The live test's table as the wizard shows it: core's ProbeResultModel (the same rows and words as
// the CLI) with the status as icon, translated label and tint, sorting by meaning rather than by
// text (statuses by severity, times by milliseconds), and an optional "failures only" filter.
class LiveResultFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LiveResultFilterModel(QObject *parent = nullptr);

    void setResultModel(ProbeResultModel *model);
    ProbeResultModel *resultModel() const { return m_results; }

    bool failuresOnly() const { return m_failuresOnly; }
    void setFailuresOnly(bool on);

    // The plan before a run: the Detail column says what each row will test, or why it is not
    // testable, under the header "What will be tested".
    bool planView() const { return m_planView; }
    void setPlanView(bool on);
    // "DNS → TCP → TLS → HTTP": the stages a start runs for `target`.
    static QString stagesText(const ProbeTarget &target);

    // The source row of a row of this model, or -1.
    int sourceRow(int row) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ProbeResultModel *m_results = nullptr;
    bool m_failuresOnly = false;
    bool m_planView = false;
};

} // namespace amlfw
