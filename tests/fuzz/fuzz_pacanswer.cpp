// Fuzz target: what a PAC script answers (PacAnswerParser::parse), any text a script may return.
// An answer it accepts is a non-empty list of entries to try, each DIRECT or a host without spaces
// or slashes and a port from 1 to 65535; one it refuses says why and names the answer.
#include "pacanswer.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const amlfw::PacAnswer answer = amlfw::PacAnswerParser::parse(text);
    if (answer.answer != text)
        __builtin_trap();
    if (!answer.ok()) {
        if (!answer.error.contains(text))
            __builtin_trap();
        return 0;
    }
    if (answer.proxies.isEmpty())
        __builtin_trap();
    for (const amlfw::PacProxy &p : answer.proxies) {
        if (p.kind == amlfw::PacProxy::Kind::Direct)
            continue;
        if (p.host.isEmpty() || p.host.contains(u' ') || p.host.contains(u'/') || p.port < 1 || p.port > 65535)
            __builtin_trap();
        if (!text.contains(p.host, Qt::CaseInsensitive))
            __builtin_trap();
    }
    return 0;
}
