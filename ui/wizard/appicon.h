#pragma once

#include <QIcon>

namespace amlfw {

// The application icon with every embedded PNG size, so each platform and scale picks a sharp one
// (there is no SVG image plugin to rely on).
QIcon appIcon();

} // namespace amlfw
