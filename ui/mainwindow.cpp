#include "mainwindow.h"

#include "catalog.h"

#include <QLabel>
#include <QVBoxLayout>

namespace amlfw {

MainWindow::MainWindow(QWidget *parent) : QWidget(parent), m_label(new QLabel(this))
{
    setWindowTitle(tr("amlfw"));
    const Catalog catalog = Catalog::builtIn();
    m_label->setText(tr("Rule catalog edition %1: %2 rows.").arg(catalog.edition).arg(catalog.rules.size()));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
}

} // namespace amlfw
