// Fuzz target: the catalog reader (Catalog::fromJson), with its validation and conditions.
#include "catalog.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    amlfw::Problems problems;
    const amlfw::Catalog catalog = amlfw::Catalog::fromJson(json, QStringLiteral("fuzz.json"), &problems);
    // Every problem has a message: an empty one would reach the user as a bare location.
    for (const amlfw::Problem &p : problems) {
        if (p.message().isEmpty())
            __builtin_trap();
    }
    return 0;
}
