// Fuzz target: the report baseline reader (ProbeBaseline::fromJson), the JSON report of an
// earlier `amlfw check` read back to compare against.
#include "proberun.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<amlfw::ProbeBaseline> baseline
        = amlfw::ProbeBaseline::fromJson(json, QStringLiteral("fuzz.json"), &error);
    if (!baseline) {
        if (error.isEmpty()) // a refusal always says why
            __builtin_trap();
        return 0;
    }
    for (const amlfw::ProbeBaseline::Entry &e : baseline->entries)
        (void)amlfw::ProbeBaseline::key(e.ruleId, e.port);
    return 0;
}
