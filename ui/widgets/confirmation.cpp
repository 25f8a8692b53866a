#include "confirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace amlfw {

bool confirmLoss(QWidget *parent, const QString &title, const QString &text, const QString &proceed,
                 const QString &stay)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("confirmLoss"));
    QPushButton *go = box.addButton(proceed, QMessageBox::DestructiveRole);
    go->setObjectName(QStringLiteral("confirmProceed"));
    QPushButton *keep = box.addButton(stay, QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("confirmStay"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == go;
}

} // namespace amlfw
