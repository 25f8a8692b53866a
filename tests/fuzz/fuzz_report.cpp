// Fuzz target: the whole JSON report read back (ProbeReportReader::read), as the wizard's "Open a
// JSON report…" does. What it accepts must write again and read back.
#include "probejsonreport.h"
#include "probereportreader.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<amlfw::ProbeRun> run
        = amlfw::ProbeReportReader::read(json, QStringLiteral("fuzz.json"), &error);
    if (!run) {
        if (error.isEmpty()) // a refusal always says why
            __builtin_trap();
        return 0;
    }
    const QByteArray again = amlfw::ProbeJsonReport::write(*run, amlfw::Language::English);
    if (!amlfw::ProbeReportReader::read(again, QStringLiteral("again.json"), &error))
        __builtin_trap();
    return 0;
}
