#include "livetesttableactions.h"

#include "proberesultmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QTreeView>
#include <algorithm>

namespace amlfw {

namespace {

QString cell(const QVariant &value)
{
    QString text = value.toString();
    text.replace(u'\t', u' ')
        .replace(QStringLiteral("\r\n"), QStringLiteral(" "))
        .replace(u'\n', u' ')
        .replace(u'\r', u' ');
    return text;
}

} // namespace

LiveTestTableActions::LiveTestTableActions(QTreeView *view)
    : QObject(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("liveTestTableActions"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu); // the position comes in viewport coordinates

    m_copy = new QAction(this);
    m_copy->setObjectName(QStringLiteral("copyRows"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_copyHosts = new QAction(this);
    m_copyHosts->setObjectName(QStringLiteral("copyHosts"));
    m_showDetails = new QAction(this);
    m_showDetails->setObjectName(QStringLiteral("showDetails"));
    m_retry = new QAction(this);
    m_retry->setObjectName(QStringLiteral("retryFromMenu"));
    m_retest = new QAction(this);
    m_retest->setObjectName(QStringLiteral("retestSelected"));
    m_retest->setEnabled(false);

    connect(m_copy, &QAction::triggered, this, [this] {
        if (const QString text = selectedAsTsv(); !text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    connect(m_copyHosts, &QAction::triggered, this, [this] {
        if (const QString text = selectedHosts(); !text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    connect(m_showDetails, &QAction::triggered, this, &LiveTestTableActions::showDetailsRequested);
    connect(m_retry, &QAction::triggered, this, &LiveTestTableActions::retryRequested);
    connect(m_retest, &QAction::triggered, this, [this] {
        if (const QList<int> rows = selectedRows(); !rows.isEmpty())
            Q_EMIT retestRequested(rows);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &LiveTestTableActions::openMenu);
    m_view->installEventFilter(this);
    retranslate();
}

QList<QAction *> LiveTestTableActions::actions() const
{
    return {m_copy, m_copyHosts, m_showDetails, m_retest, m_retry};
}

void LiveTestTableActions::setRetestEnabled(bool enabled)
{
    m_retestAllowed = enabled;
    m_retest->setEnabled(enabled && !selectedRows().isEmpty());
}

void LiveTestTableActions::setRetryEnabled(bool enabled)
{
    m_retry->setEnabled(enabled);
}

void LiveTestTableActions::retranslate()
{
    m_copy->setText(tr("&Copy rows as TSV"));
    m_copy->setToolTip(tr("Copies the selected rows, with a header line, for a spreadsheet or a ticket."));
    m_copyHosts->setText(tr("Copy &host names"));
    m_showDetails->setText(tr("Show &details"));
    m_retry->setText(tr("&Retry failed"));
    m_retest->setText(tr("&Test selected again"));
    m_retest->setToolTip(tr("Tests the selected rows again, with every rule that shares their endpoints; the "
                            "other rows keep their results."));
}

QList<int> LiveTestTableActions::selectedRows() const
{
    QList<int> rows;
    if (!m_view->model() || !m_view->selectionModel())
        return rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<int> LiveTestTableActions::columnsToCopy() const
{
    const QHeaderView *header = m_view->header();
    const QAbstractItemModel *model = m_view->model();
    QList<int> visible;
    QList<int> hidden;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!m_view->isColumnHidden(column))
            visible << column;
    }
    // The hidden columns hold what the details pane says (addresses, path, detail): useful in a ticket.
    for (int column = 0; model && column < model->columnCount(); ++column) {
        if (m_view->isColumnHidden(column) && column != ProbeResultModel::ChangeColumn)
            hidden << column;
    }
    return visible + hidden;
}

QString LiveTestTableActions::tsv(const QAbstractItemModel *model, const QList<int> &rows, const QList<int> &columns)
{
    if (!model || rows.isEmpty())
        return {};
    QStringList lines;
    QStringList header;
    for (int column : columns)
        header << cell(model->headerData(column, Qt::Horizontal));
    lines << header.join(u'\t');
    for (int row : rows) {
        QStringList cells;
        for (int column : columns)
            cells << cell(model->index(row, column).data());
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

QString LiveTestTableActions::selectedAsTsv() const
{
    return tsv(m_view->model(), selectedRows(), columnsToCopy());
}

QString LiveTestTableActions::selectedHosts() const
{
    QStringList hosts;
    for (int row : selectedRows()) {
        const QString host = m_view->model()->index(row, ProbeResultModel::HostColumn).data().toString();
        if (!host.isEmpty() && host != u"-" && !hosts.contains(host))
            hosts << host;
    }
    return hosts.isEmpty() ? QString() : hosts.join(u'\n') + u'\n';
}

void LiveTestTableActions::openMenu(const QPoint &viewportPosition)
{
    if (!m_view->model() || m_view->model()->rowCount() == 0)
        return;
    const bool any = !selectedRows().isEmpty();
    m_copy->setEnabled(any);
    m_copyHosts->setEnabled(any && !selectedHosts().isEmpty());
    m_showDetails->setEnabled(m_view->currentIndex().isValid());
    m_retest->setEnabled(m_retestAllowed && any);
    if (m_menu)
        m_menu->deleteLater();
    m_menu = new QMenu(m_view);
    m_menu->setObjectName(QStringLiteral("liveTestContextMenu"));
    m_menu->setAttribute(Qt::WA_DeleteOnClose, false);
    m_menu->addAction(m_copy);
    m_menu->addAction(m_copyHosts);
    m_menu->addSeparator();
    m_menu->addAction(m_showDetails);
    m_menu->addAction(m_retest);
    m_menu->addAction(m_retry);
    // Not exec(): the event loop goes on, and tests answer the menu with keys as a user would.
    m_menu->popup(m_view->viewport()->mapToGlobal(viewportPosition));
    m_menu->setActiveAction(m_copy->isEnabled() ? m_copy : nullptr);
}

bool LiveTestTableActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::KeyPress: {
        // The Menu key and Shift+F10 open the menu at the current row on every platform (and under
        // test, where no platform turns them into a context-menu event).
        auto *e = static_cast<QKeyEvent *>(event);
        if (e->matches(QKeySequence::Copy)) { // the view's own Ctrl+C copies one cell only
            m_copy->trigger();
            return true;
        }
        if (e->key() == Qt::Key_Menu || (e->key() == Qt::Key_F10 && e->modifiers() == Qt::ShiftModifier)) {
            openMenu(m_view->visualRect(m_view->currentIndex()).bottomLeft());
            e->accept();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace amlfw
