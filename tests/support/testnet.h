#pragma once

#include <QtGlobal>

// A loopback port nothing listens on (bound and released: connections to it are refused).
quint16 unusedLoopbackPort();
