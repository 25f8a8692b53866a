#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace amlfw {

// The automatic proxy configuration a Linux desktop sets for its session. Qt on Linux asks
// libproxy, which sees the environment's *_proxy variables but a desktop's settings only through
// plugins that are seldom installed (and runs no PAC script without another), so `--proxy system`
// reads them here: GNOME and the desktops that share its settings through `gsettings`
// (org.gnome.system.proxy), KDE from kioslaverc ([Proxy Settings]).
//
// The environment wins: when http_proxy, https_proxy or all_proxy (either case) is set, the
// desktop is not read, as command-line tools do.
struct DesktopProxy
{
    enum class Kind {
        None,       // no desktop, the environment names a proxy, or the desktop says none/manual
        Pac,        // a PAC URL
        AutoDetect, // "detect automatically" (WPAD): not done by amlfw; give the URL with pac:
    };
    Kind kind = Kind::None;
    QString desktop; // "GNOME", "KDE"
    QString pacUrl;

    static DesktopProxy read(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // http_proxy, https_proxy or all_proxy (either case), not empty.
    static bool environmentNamesAProxy(const QProcessEnvironment &env);
    // A GVariant text as `gsettings get` prints a string: 'text' with \' and \\ escaped.
    static QString gvariantString(const QString &text);
};

} // namespace amlfw
