#include "fieldmarks.h"

#include <QWidget>

namespace amlfw {

void markInvalid(QWidget *widget, bool invalid)
{
    widget->setStyleSheet(invalid ? QStringLiteral("border: 1px solid #cf222e; border-radius: 2px; padding: 1px;")
                                  : QString());
}

} // namespace amlfw
