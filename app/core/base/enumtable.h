#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringView>
#include <array>
#include <cstddef>
#include <optional>

namespace amlfw {

// One enum value and the id that names it in files, reports and on the command line.
template<typename E>
struct EnumId
{
    E value;
    const char *id; // ASCII
};

// Both directions of an enum <-> id conversion from one table, so that they cannot disagree:
//   inline constexpr EnumTable directionIds{std::to_array<EnumId<Direction>>({{Direction::Inbound, "inbound"}, ...})};
// Tables are a handful of entries: a linear search is the simple, fast choice.
template<typename E, std::size_t N>
class EnumTable
{
public:
    constexpr explicit EnumTable(const std::array<EnumId<E>, N> &entries)
        : m_entries(entries)
    {
    }

    QString toId(E value) const
    {
        for (const EnumId<E> &entry : m_entries) {
            if (entry.value == value)
                return QString::fromLatin1(entry.id);
        }
        return {};
    }

    std::optional<E> fromId(QStringView id) const
    {
        for (const EnumId<E> &entry : m_entries) {
            if (id.compare(QLatin1String(entry.id)) == 0)
                return entry.value;
        }
        return std::nullopt;
    }

    constexpr const std::array<EnumId<E>, N> &entries() const { return m_entries; }

private:
    std::array<EnumId<E>, N> m_entries;
};

template<typename E, std::size_t N>
EnumTable(const std::array<EnumId<E>, N> &) -> EnumTable<E, N>;

} // namespace amlfw
