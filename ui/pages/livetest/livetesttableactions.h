#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAbstractItemModel;
class QAction;
class QMenu;
class QTreeView;

namespace amlfw {

// What the live test's results table offers besides looking: a context menu (mouse, the Menu key,
// Shift+F10) and copying the selected rows. Ctrl+C copies them as TSV, a header line and one line
// per row in the columns as shown (the visible ones in their order, then the hidden ones), tabs and
// line breaks in cells replaced by spaces, for a spreadsheet or a ticket.
class LiveTestTableActions : public QObject
{
    Q_OBJECT

public:
    explicit LiveTestTableActions(QTreeView *view);

    // The rows selected (else the current one), in the view's order.
    QList<int> selectedRows() const;
    QString selectedAsTsv() const;
    QString selectedHosts() const; // the hosts tested, once each, one a line
    // `rows` of `model` in `columns`, with the header line; the helper of selectedAsTsv().
    static QString tsv(const QAbstractItemModel *model, const QList<int> &rows, const QList<int> &columns);

    void setRetryEnabled(bool enabled);
    void setRetestEnabled(bool enabled); // "Test selected again": after a run, not while one runs
    QMenu *menu() const { return m_menu; } // the last one opened, for tests; null before
    QList<QAction *> actions() const;

Q_SIGNALS:
    void showDetailsRequested();
    void retryRequested();
    void retestRequested(const QList<int> &viewRows); // the selected rows, in the view's rows

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void openMenu(const QPoint &viewportPosition);
    QList<int> columnsToCopy() const;

    QTreeView *m_view;
    QAction *m_copy;
    QAction *m_copyHosts;
    QAction *m_showDetails;
    QAction *m_retry;
    QAction *m_retest;
    bool m_retestAllowed = false;
    QMenu *m_menu = nullptr;
};

} // namespace amlfw
