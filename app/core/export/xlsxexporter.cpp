#include "xlsxexporter.h"

#include "azurefirewall.h"
#include "iplistexporter.h"
#include "rulelabels.h"
#include "servicetags.h"
#include "textreport.h"
#include "texttable.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <variant>
#include <xlsxwriter.h>

Q_LOGGING_CATEGORY(lcXlsx, "amlfw.export.xlsx", QtWarningMsg)

namespace amlfw {

namespace {

constexpr const char *kContext = "amlfw::XlsxExporter";

QString text(Language language, const char *source)
{
    return translate(language, kContext, source);
}

// A cell: text (always written as a string, never as a formula, whatever it starts with) or a
// number amlfw counted itself.
using Cell = std::variant<QString, double>;

// A column fits its longest line (up to a limit), or wraps its text at a width of its own.
struct Width
{
    int wrapAt = 0; // 0: fit
    static Width fit() { return {}; }
    static Width wrap(int width) { return {width}; }
};

// One sheet of rows below a header row that is frozen and carries an autofilter.
class SheetWriter
{
public:
    SheetWriter(lxw_worksheet *sheet, lxw_format *header, lxw_format *cell, lxw_format *wrap)
        : m_sheet(sheet), m_header(header), m_cell(cell), m_wrap(wrap)
    {
    }

    void setHeader(const QList<QPair<QString, Width>> &columns)
    {
        m_columns = columns;
        m_widths.clear();
        for (qsizetype c = 0; c < columns.size(); ++c) {
            writeString(0, c, columns.at(c).first, m_header);
            // The header wraps: a long one does not widen a column of short values past 20.
            m_widths << std::min(widthOf(columns.at(c).first), 20);
        }
        m_row = 1;
    }

    void addRow(const QList<Cell> &cells)
    {
        for (qsizetype c = 0; c < cells.size() && c < m_columns.size(); ++c) {
            lxw_format *format = m_columns.at(c).second.wrapAt > 0 ? m_wrap : m_cell;
            if (const auto *number = std::get_if<double>(&cells.at(c))) {
                worksheet_write_number(m_sheet, lxw_row_t(m_row), lxw_col_t(c), *number, format);
                m_widths[c] = std::max(m_widths.at(c), 6);
            } else {
                const QString &value = std::get<QString>(cells.at(c));
                writeString(m_row, c, value, format);
                m_widths[c] = std::max(m_widths.at(c), widthOf(value));
            }
        }
        ++m_row;
    }

    void finish()
    {
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            const int wrapAt = m_columns.at(c).second.wrapAt;
            const int width = wrapAt > 0 ? wrapAt : std::clamp(m_widths.at(c) + 2, 8, 60);
            worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), width, nullptr);
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        if (!m_columns.isEmpty())
            worksheet_autofilter(m_sheet, 0, 0, lxw_row_t(std::max(m_row - 1, 0)), lxw_col_t(m_columns.size() - 1));
    }

private:
    // The widest line, in character widths (East Asian wide characters take two).
    static int widthOf(const QString &value)
    {
        int width = 0;
        for (const QString &line : value.split(u'\n'))
            width = std::max(width, TextTable::displayWidth(line));
        return width;
    }

    void writeString(int row, qsizetype column, const QString &value, lxw_format *format)
    {
        const QByteArray utf8 = value.toUtf8();
        worksheet_write_string(m_sheet, lxw_row_t(row), lxw_col_t(column), utf8.constData(), format);
    }

    lxw_worksheet *m_sheet;
    lxw_format *m_header;
    lxw_format *m_cell;
    lxw_format *m_wrap;
    QList<QPair<QString, Width>> m_columns;
    QList<int> m_widths;
    int m_row = 0;
};

QString joinedNotes(const Rule &rule, Language language)
{
    return RuleLabels::notes(rule, language).join(u'\n');
}

QString answersNeeded(const Rule &rule, Language language)
{
    QStringList texts;
    for (const TranslatableText &t : AzureFirewall::unansweredTexts(rule))
        texts << t.toString(language);
    return texts.join(u'\n');
}

} // namespace

QString XlsxExporter::sheetName(Sheet sheet, const RuleSet &set, Language language)
{
    switch (sheet) {
    case Sheet::Cover:
        return text(language, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Cover"));
    case Sheet::AzureFirewall:
        return set.answers.network == NetworkKind::Managed
                   ? text(language, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Managed network"))
                   : text(language, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Azure Firewall"));
    case Sheet::OtherFirewalls:
        return text(language, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Other firewalls"));
    case Sheet::Prefixes:
        return text(language, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Address prefixes"));
    }
    return {};
}

Problems XlsxExporter::validate(const RuleSet &, const ExportOptions &)
{
    return {};
}

QByteArray XlsxExporter::write(const RuleSet &set, const ExportOptions &options)
{
    const Language lang = options.language;
    const QDateTime created = (options.created.isValid() ? options.created : QDateTime::currentDateTime()).toUTC();

    QTemporaryDir dir;
    if (!dir.isValid()) {
        qCWarning(lcXlsx) << "no temporary directory for the workbook:" << dir.errorString();
        return {};
    }
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("amlfw.xlsx")));
    QByteArray tmpdir = QFile::encodeName(dir.path());
    lxw_workbook_options workbookOptions{};
    workbookOptions.tmpdir = tmpdir.data();
    lxw_workbook *workbook = workbook_new_opt(path.constData(), &workbookOptions);
    if (!workbook) {
        qCWarning(lcXlsx) << "libxlsxwriter could not start a workbook in" << dir.path();
        return {};
    }

    // Same `created`, same bytes: libxlsxwriter writes this time into docProps/core.xml.
    const QByteArray title = text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Azure Machine Learning firewall rules"))
                                 .toUtf8();
    const QByteArray subject = TextReport::scenarioLine(set, lang).toUtf8();
    const QByteArray author = QByteArrayLiteral("amlfw " AMLFW_VERSION);
    lxw_doc_properties properties{};
    properties.title = const_cast<char *>(title.constData());
    properties.subject = const_cast<char *>(subject.constData());
    properties.author = const_cast<char *>(author.constData());
    properties.created = time_t(created.toSecsSinceEpoch());
    workbook_set_properties(workbook, &properties);

    lxw_format *headerFormat = workbook_add_format(workbook);
    format_set_bold(headerFormat);
    format_set_pattern(headerFormat, LXW_PATTERN_SOLID);
    format_set_bg_color(headerFormat, 0xDDEBF7);
    format_set_border(headerFormat, LXW_BORDER_THIN);
    format_set_align(headerFormat, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(headerFormat);
    lxw_format *cellFormat = workbook_add_format(workbook);
    format_set_align(cellFormat, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *wrapFormat = workbook_add_format(workbook);
    format_set_align(wrapFormat, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(wrapFormat);
    lxw_format *titleFormat = workbook_add_format(workbook);
    format_set_bold(titleFormat);
    format_set_font_size(titleFormat, 14);
    lxw_format *linkFormat = workbook_add_format(workbook);
    format_set_underline(linkFormat, LXW_UNDERLINE_SINGLE);
    format_set_font_color(linkFormat, LXW_COLOR_BLUE);
    format_set_align(linkFormat, LXW_ALIGN_VERTICAL_TOP);

    auto addSheet = [&](XlsxExporter::Sheet which) {
        const QByteArray name = sheetName(which, set, lang).toUtf8();
        return workbook_add_worksheet(workbook, name.constData());
    };
    auto joinList = [lang](const QStringList &items) -> QString {
        return items.join(lang == Language::Japanese ? QStringLiteral("、") : QStringLiteral(", "));
    };
    const QString subnet = RuleLabels::computeSubnet(options.deployment.sourceAddresses);
    const bool unanswered
        = std::any_of(set.rules.cbegin(), set.rules.cend(), [](const Rule &r) { return !r.unanswered.isEmpty(); });
    // The prefixes change every week: their columns name the file, its change number and date.
    const QString countHeader
        = set.serviceTags ? text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Number of address prefixes (%1, %2)"))
                                .arg(set.serviceTags->fileName, set.serviceTags->versionText())
                          : QString();
    const QString prefixHeader
        = set.serviceTags ? text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Address prefix (%1, %2)"))
                                .arg(set.serviceTags->fileName, set.serviceTags->versionText())
                          : QString();

    // ---- cover
    {
        lxw_worksheet *ws = addSheet(XlsxExporter::Sheet::Cover);
        worksheet_set_column(ws, 0, 0, 28, nullptr);
        worksheet_set_column(ws, 1, 1, 100, nullptr);
        worksheet_write_string(ws, 0, 0, title.constData(), titleFormat);
        int row = 2;
        auto line = [&](const QString &label, const QString &value) {
            const QByteArray l = label.toUtf8();
            const QByteArray v = value.toUtf8();
            worksheet_write_string(ws, lxw_row_t(row), 0, l.constData(), headerFormat);
            worksheet_write_string(ws, lxw_row_t(row), 1, v.constData(), wrapFormat);
            ++row;
        };
        QStringList featureNames;
        for (const QString &id : set.effectiveFeatures) {
            const Feature *f = set.catalog.feature(id);
            featureNames << (f ? f->name.text(lang) : id);
        }
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Scenario")), TextReport::scenarioLine(set, lang));
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Cloud")), RuleLabels::cloudName(set, lang));
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Region")), RuleLabels::regionName(set, lang));
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Paired region")), set.pairedRegion);
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Storage account")), set.answers.storage);
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Network")),
             set.answers.network == NetworkKind::Managed
                 ? text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Managed virtual network"))
                 : text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Your network (your own firewall)")));
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Features")),
             featureNames.isEmpty() ? text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "None (always-needed rules only)"))
                                    : featureNames.join(u'\n'));
        if (!options.deployment.sourceAddresses.isEmpty())
            line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Compute subnet")),
                 joinList(options.deployment.sourceAddresses));
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Article")),
             set.catalog.sourceTitle.text(lang) + QStringLiteral(" (") + set.catalog.sourceDate + u')');
        {
            const QByteArray l = text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Article link")).toUtf8();
            const QByteArray url = set.catalog.sourceUrl.toUtf8();
            worksheet_write_string(ws, lxw_row_t(row), 0, l.constData(), headerFormat);
            // The catalog's own https link; written as text when Excel would refuse it as a link.
            if (!set.catalog.sourceUrl.startsWith(QStringLiteral("https://"))
                || worksheet_write_url(ws, lxw_row_t(row), 1, url.constData(), linkFormat) != LXW_NO_ERROR)
                worksheet_write_string(ws, lxw_row_t(row), 1, url.constData(), wrapFormat);
            ++row;
        }
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Catalog edition")), set.catalog.edition);
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Written by")),
             QStringLiteral("amlfw " AMLFW_VERSION));
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Date")),
             created.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
        line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Service tags file")),
             set.serviceTags
                 ? set.serviceTags->fileName + QStringLiteral(" (") + set.serviceTags->versionText() + u')'
                 : text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter",
                                                "None: service tags are named, not expanded to address prefixes")));
        for (const Problem &p : set.problems)
            line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Warning")), p.message());
        for (const Note &n : set.scenarioNotes)
            line(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Note")), n.text.text(lang));
    }

    QList<QPair<QString, Width>> purposeColumns;
    if (options.bothLanguages)
        purposeColumns << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Purpose (English)")), Width::wrap(50))
                       << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Purpose (Japanese)")), Width::wrap(50));
    else
        purposeColumns << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Purpose")), Width::wrap(60));
    auto purposeCells = [&](const Rule &rule, const QString &tableId) {
        QList<Cell> cells;
        auto one = [&](Language l) -> QString {
            if (tableId.isEmpty())
                return RuleLabels::purpose(rule, l);
            for (const RuleSource &s : rule.sources) {
                if (s.table == tableId)
                    return s.purpose.text(l);
            }
            return RuleLabels::purpose(rule, l);
        };
        if (options.bothLanguages)
            cells << one(Language::English) << one(Language::Japanese);
        else
            cells << one(lang);
        return cells;
    };

    // ---- the Azure Firewall view (or the managed network's)
    {
        SheetWriter sheet(addSheet(XlsxExporter::Sheet::AzureFirewall), headerFormat, cellFormat, wrapFormat);
        QList<QPair<QString, Width>> columns{
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Rule type")), Width::wrap(30)},
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "ID")), Width::fit()},
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Direction")), Width::fit()},
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Source")), Width::fit()},
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Destination")), Width::fit()},
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Protocol")), Width::fit()},
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Ports")), Width::fit()},
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Required for")), Width::wrap(30)}};
        columns << purposeColumns;
        columns << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Notes")), Width::wrap(60));
        if (unanswered)
            columns << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Answer needed")), Width::wrap(40));
        if (set.serviceTags)
            columns << qMakePair(countHeader, Width::fit());
        sheet.setHeader(columns);
        for (const FirewallGroup &group : firewallGroups(set)) {
            for (const auto &[rule, part] : group.entries) {
                QList<Cell> row{TextReport::groupTitle(group),
                                rule->id,
                                RuleLabels::direction(rule->direction),
                                RuleLabels::source(*rule, subnet),
                                part.urlPath.isEmpty() ? part.target : part.urlPath,
                                RuleLabels::protocol(*rule, part, lang),
                                RuleLabels::ports(part.ports, lang),
                                RuleLabels::features(set, *rule, lang)};
                row << purposeCells(*rule, QString());
                row << joinedNotes(*rule, lang);
                if (unanswered)
                    row << answersNeeded(*rule, lang);
                if (set.serviceTags) {
                    if (set.hasAddressPrefixes(*rule))
                        row << double(set.addressPrefixes(*rule).size());
                    else
                        row << QString();
                }
                sheet.addRow(row);
            }
        }
        sheet.finish();
    }

    // ---- the host tables for other firewalls
    const QStringList hostTables = set.tablesInView(QStringLiteral("other-firewalls"));
    if (!hostTables.isEmpty()) {
        SheetWriter sheet(addSheet(XlsxExporter::Sheet::OtherFirewalls), headerFormat, cellFormat, wrapFormat);
        QList<QPair<QString, Width>> columns{
            {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Table")), Width::wrap(40)}};
        columns << purposeColumns;
        columns << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Host")), Width::fit())
                << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Protocol")), Width::fit())
                << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Ports")), Width::fit())
                << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Required for")), Width::wrap(30))
                << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "ID")), Width::fit())
                << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Notes")), Width::wrap(60));
        if (unanswered)
            columns << qMakePair(text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Answer needed")), Width::wrap(40));
        sheet.setHeader(columns);
        for (const QString &tableId : hostTables) {
            const QString tableTitle = RuleLabels::tableTitle(set, tableId, lang);
            for (const Rule *rule : set.rulesInTable(tableId)) {
                QList<Cell> row{tableTitle};
                row << purposeCells(*rule, tableId);
                row << rule->destination << RuleLabels::protocol(*rule) << RuleLabels::ports(rule->ports, lang)
                    << RuleLabels::features(set, *rule, lang) << rule->id << joinedNotes(*rule, lang);
                if (unanswered)
                    row << answersNeeded(*rule, lang);
                sheet.addRow(row);
            }
        }
        sheet.finish();
    }

    // ---- the service tags' address prefixes
    if (set.serviceTags) {
        SheetWriter sheet(addSheet(XlsxExporter::Sheet::Prefixes), headerFormat, cellFormat, wrapFormat);
        sheet.setHeader({{text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Service tag")), Width::fit()},
                         {prefixHeader, Width::fit()},
                         {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "IP version")), Width::fit()},
                         {text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Rules")), Width::wrap(40)}});
        for (const IpListExporter::Tag &tag : IpListExporter::tags(set, IpVersion::Both)) {
            QStringList ids;
            for (const Rule &rule : set.rules) {
                if (serviceTagOf(rule).compare(tag.name, Qt::CaseInsensitive) == 0)
                    ids << rule.id;
            }
            const QString rules = ids.join(QStringLiteral(", "));
            if (!tag.inFile) {
                sheet.addRow({tag.name,
                              text(lang, QT_TRANSLATE_NOOP("amlfw::XlsxExporter", "Not in the service tags file")),
                              QString(), rules});
                continue;
            }
            for (const QString &prefix : tag.prefixes)
                sheet.addRow({tag.name, prefix,
                              prefix.contains(u':') ? QStringLiteral("IPv6") : QStringLiteral("IPv4"), rules});
        }
        sheet.finish();
    }

    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
        qCWarning(lcXlsx) << "libxlsxwriter could not write the workbook:" << lxw_strerror(error);
        return {};
    }
    QFile file(QFile::decodeName(path));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcXlsx) << "cannot read the workbook back:" << file.errorString();
        return {};
    }
    return file.readAll();
}

} // namespace amlfw
