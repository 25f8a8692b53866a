#pragma once

#include <QString>

class QWidget;

namespace amlfw {

// Asks before something is lost: a modal question whose default (Enter) and Escape keep the user
// where they are. `proceed` and `stay` are the buttons' texts (with mnemonics). True: proceed.
bool confirmLoss(QWidget *parent, const QString &title, const QString &text, const QString &proceed,
                 const QString &stay);

} // namespace amlfw
