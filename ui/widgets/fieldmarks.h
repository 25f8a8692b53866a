#pragma once

#include <QString>

class QWidget;

namespace amlfw {

// Marks a field whose content is wrong with a red frame (the message says why), or clears the mark.
void markInvalid(QWidget *widget, bool invalid);

// `widget`, named: the name is how tests find it (findChild), instead of a getter kept for them.
template<typename T>
T *named(T *widget, const char *name)
{
    widget->setObjectName(QString::fromLatin1(name));
    return widget;
}

} // namespace amlfw
