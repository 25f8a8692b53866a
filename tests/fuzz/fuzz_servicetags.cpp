// Fuzz target: the service tags file reader (ServiceTagsFile::parse). A file it accepts finds each of
// its tags in any case; whatever it refuses, it says why in at most kMaxProblems + 1 errors.
#include "servicetags.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    amlfw::Problems problems;
    const auto file = amlfw::ServiceTagsFile::parse(json, QStringLiteral("ServiceTags_Public_20261130.json"), &problems);
    if (problems.size() > amlfw::ServiceTagsFile::kMaxProblems + 1 || file.has_value() == amlfw::hasErrors(problems))
        __builtin_trap();
    if (!file)
        return 0;
    if (file->entries.isEmpty() || file->cloudId().isEmpty())
        __builtin_trap();
    for (const amlfw::ServiceTagEntry &entry : file->entries) {
        if (file->find(entry.name.toUpper()) != &entry && file->find(entry.name.toLower()) != &entry)
            __builtin_trap();
    }
    return 0;
}
