// Fuzz target: the profile reader (Profile::fromJson). A profile it accepts must survive a
// round trip through toJson unchanged in meaning (read again without errors).
#include "profile.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    amlfw::Problems problems;
    const std::optional<amlfw::Profile> profile
        = amlfw::Profile::fromJson(json, QStringLiteral("fuzz.json"), &problems);
    if (!profile)
        return 0;
    amlfw::Problems again;
    const std::optional<amlfw::Profile> reread
        = amlfw::Profile::fromJson(profile->toJson(), QStringLiteral("again.json"), &again);
    if (!reread || amlfw::hasErrors(again) || reread->toJson() != profile->toJson())
        __builtin_trap();
    return 0;
}
