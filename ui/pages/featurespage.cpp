#include "featurespage.h"

#include "messagebanner.h"
#include "rulegenerator.h"
#include "wizardstate.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace amlfw {

FeaturesPage::FeaturesPage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_intro(new QLabel(this))
    , m_selectAll(new QPushButton(this))
    , m_clearAll(new QPushButton(this))
    , m_udrBox(nullptr)
    , m_udrText(nullptr)
    , m_udrTags(nullptr)
    , m_udrRanges(nullptr)
    , m_udrGroup(new QButtonGroup(this))
    , m_total(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_removeUnknown(new QPushButton(m_banner))
    , m_recount(new QTimer(this))
{
    setObjectName(QStringLiteral("featuresPage"));
    m_intro->setWordWrap(true);
    m_selectAll->setObjectName(QStringLiteral("selectAllFeatures"));
    m_clearAll->setObjectName(QStringLiteral("clearAllFeatures"));
    // In a dialog every push button would press itself on Enter: Enter means Next here.
    m_selectAll->setAutoDefault(false);
    m_clearAll->setAutoDefault(false);
    m_total->setObjectName(QStringLiteral("featuresTotal"));
    m_total->setWordWrap(true);

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("featuresContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 6, 0);
    m_groupsWidget = new QWidget(content);
    auto *groupsLayout = new QVBoxLayout(m_groupsWidget);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_groupsWidget);
    buildRows();

    m_udrBox = new QGroupBox(content);
    m_udrBox->setObjectName(QStringLiteral("udrBox"));
    m_udrText = new QLabel(m_udrBox);
    m_udrText->setWordWrap(true);
    m_udrTags = new QRadioButton(m_udrBox);
    m_udrTags->setObjectName(QStringLiteral("udrServiceTags"));
    m_udrRanges = new QRadioButton(m_udrBox);
    m_udrRanges->setObjectName(QStringLiteral("udrIpRanges"));
    m_udrGroup->addButton(m_udrTags, int(UdrMethod::ServiceTags));
    m_udrGroup->addButton(m_udrRanges, int(UdrMethod::IpRanges));
    auto *udrLayout = new QVBoxLayout(m_udrBox);
    udrLayout->addWidget(m_udrText);
    udrLayout->addWidget(m_udrTags);
    udrLayout->addWidget(m_udrRanges);
    contentLayout->addWidget(m_udrBox);
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("featuresScroll"));
    scroll->setFocusPolicy(Qt::NoFocus); // not a stop of its own: it scrolls to the focused feature
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *top = new QHBoxLayout;
    top->addWidget(m_intro, 1);
    top->addWidget(m_selectAll, 0, Qt::AlignBottom);
    top->addWidget(m_clearAll, 0, Qt::AlignBottom);
    m_banner->setObjectName(QStringLiteral("featuresBanner"));
    m_banner->setProperty(MessageBanner::CoreTextProperty, true);
    m_removeUnknown->setObjectName(QStringLiteral("removeUnknownFeatures"));
    m_removeUnknown->setAutoDefault(false);
    m_banner->addWidget(m_removeUnknown);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_total);
    updateTabOrder();

    m_recount->setSingleShot(true);
    m_recount->setInterval(0);
    connect(m_recount, &QTimer::timeout, this, &FeaturesPage::recountNow);
    connect(m_selectAll, &QPushButton::clicked, this,
            [this] { this->state()->setFeatures(this->state()->catalog().featureIds()); });
    connect(m_clearAll, &QPushButton::clicked, this, [this] { this->state()->setFeatures({}); });
    // setFeatures keeps only the features the catalog knows.
    connect(m_removeUnknown, &QPushButton::clicked, this,
            [this] { this->state()->setFeatures(this->state()->answers().features); });
    connect(m_udrGroup, &QButtonGroup::idClicked, this, [this](int id) { this->state()->setUdr(UdrMethod(id)); });
    connect(state, &WizardState::answersChanged, this, &FeaturesPage::syncFromState);
    syncFromState();
    retranslateUi();
}

void FeaturesPage::buildRows()
{
    // The groups and features are the current edition's: rebuilt when the edition changes.
    for (QGroupBox *box : std::as_const(m_groups))
        delete box;
    m_groups.clear();
    m_rows.clear();
    m_deltas.clear();
    m_changes.clear();
    const int indent
        = style()->pixelMetric(QStyle::PM_IndicatorWidth) + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing);
    const Catalog &catalog = state()->catalog();
    for (const FeatureGroup &group : catalog.featureGroups) {
        auto *box = new QGroupBox(m_groupsWidget);
        box->setObjectName(QStringLiteral("group_") + group.id);
        auto *grid = new QGridLayout(box);
        grid->setColumnStretch(0, 1);
        grid->setVerticalSpacing(2);
        int line = 0;
        for (const Feature &feature : catalog.features) {
            if (feature.group != group.id)
                continue;
            Row row{feature.id, new QCheckBox(box), new QLabel(box), new QLabel(box), new QLabel(box)};
            row.box->setObjectName(QStringLiteral("feature_") + feature.id);
            row.count->setObjectName(QStringLiteral("count_") + feature.id);
            row.count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row.count->setForegroundRole(QPalette::PlaceholderText);
            row.description->setWordWrap(true);
            row.description->setContentsMargins(indent, 0, 0, 0);
            row.description->setForegroundRole(QPalette::PlaceholderText);
            row.included->setContentsMargins(indent, 0, 0, 0);
            row.included->setWordWrap(true);
            row.included->hide();
            grid->addWidget(row.box, line, 0);
            grid->addWidget(row.count, line, 1);
            grid->addWidget(row.description, line + 1, 0, 1, 2);
            grid->addWidget(row.included, line + 2, 0, 1, 2);
            grid->setRowMinimumHeight(line + 3, 6);
            line += 4;
            connect(row.box, &QCheckBox::toggled, this, [this, id = feature.id](bool on) { toggle(id, on); });
            m_rows << row;
        }
        m_groups.insert(group.id, box);
        m_groupsWidget->layout()->addWidget(box);
    }
}

void FeaturesPage::updateTabOrder()
{
    // Reading order: "Select all" and "Clear" above the list, then the features and the routes. The
    // focus still starts on a feature (firstFocus()): the answers are the features.
    setTabOrder(m_selectAll, m_clearAll);
    setTabOrder(m_clearAll, m_removeUnknown);
    QWidget *previous = m_removeUnknown;
    for (const Row &row : std::as_const(m_rows)) {
        if (previous)
            setTabOrder(previous, row.box);
        previous = row.box;
    }
    for (QWidget *next : {static_cast<QWidget *>(m_udrTags), static_cast<QWidget *>(m_udrRanges)}) {
        if (previous)
            setTabOrder(previous, next);
        previous = next;
    }
}

void FeaturesPage::catalogChanged()
{
    buildRows();
    updateTabOrder();
    retranslateUi();
    recountNow();
}

QString FeaturesPage::stepName() const
{
    return tr("Features");
}

void FeaturesPage::initializePage()
{
    syncFromState();
    recountNow();
}

QWidget *FeaturesPage::firstFocus() const
{
    // Focus starts on the first feature, not on "Select all": the answers are the features.
    for (const Row &row : std::as_const(m_rows)) {
        if (row.box->isEnabled())
            return row.box;
    }
    return nullptr;
}

bool FeaturesPage::isComplete() const
{
    return !hasErrors(AnswersValidator::validateFeatures(state()->catalog(), state()->answers().features));
}

void FeaturesPage::retranslateUi()
{
    setTitle(tr("Which features does the workspace use?"));
    setSubTitle(tr("Each feature needs rules of its own. Rules that every workspace needs are always included."));
    m_intro->setText(tr("Check what the workspace uses. On the right: what a feature adds to your current choice."));
    m_selectAll->setText(tr("Select &all"));
    m_selectAll->setAccessibleName(tr("Select all features"));
    m_selectAll->setAccessibleDescription(tr("Checks every feature."));
    m_selectAll->setToolTip(tr("Check every feature, e.g. to see the complete list of rules."));
    m_clearAll->setText(tr("C&lear"));
    m_clearAll->setAccessibleName(tr("Clear all features"));
    m_clearAll->setAccessibleDescription(tr("Unchecks every feature: only the rules every workspace needs remain."));
    m_clearAll->setToolTip(tr("Uncheck every feature: only the rules every workspace needs remain."));
    m_removeUnknown->setText(tr("&Remove them"));
    m_removeUnknown->setAccessibleName(tr("Remove unknown features"));
    m_removeUnknown->setAccessibleDescription(tr("Drops the feature ids that this rule catalog does not know."));

    const Catalog &catalog = state()->catalog();
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        if (const FeatureGroup *group = catalog.featureGroup(it.key()))
            it.value()->setTitle(group->name.text(language()));
    }
    for (const Row &row : std::as_const(m_rows)) {
        const Feature *feature = catalog.feature(row.id);
        if (!feature)
            continue;
        row.box->setText(feature->name.text(language()));
        row.description->setText(feature->description.text(language()));
        row.box->setAccessibleName(feature->name.text(language()));
        row.box->setAccessibleDescription(feature->description.text(language()));
        row.box->setToolTip(feature->description.text(language()));
    }

    m_udrBox->setTitle(tr("Inbound routes (user-defined routes)"));
    m_udrText->setText(tr("Compute instances with a public IP and compute clusters receive management traffic from "
                          "Azure; user-defined routes keep the replies away from the firewall (next hop: Internet)."));
    m_udrTags->setText(tr("Service &tags (recommended: the routes follow Azure's address changes)"));
    m_udrTags->setAccessibleName(tr("Routes with service tags"));
    m_udrTags->setAccessibleDescription(tr("Writes the user-defined routes with service tags as address prefixes."));
    m_udrRanges->setText(tr("&IP address ranges (for route tables that cannot use service tags)"));
    m_udrRanges->setAccessibleName(tr("Routes with IP address ranges"));
    m_udrRanges->setAccessibleDescription(tr(
        "Writes the user-defined routes with the IP address ranges of the service tags, which you keep up to date."));
    syncFromState();
    updateCountLabels();
}

QStringList FeaturesPage::impliersOf(const QString &id) const
{
    QStringList out;
    for (const QString &s : state()->answers().features) {
        if (s != id && state()->catalog().expandFeatures({s}).contains(id))
            out << s;
    }
    return out;
}

void FeaturesPage::syncFromState()
{
    m_syncing = true;
    const Catalog &catalog = state()->catalog();
    const QStringList selected = state()->answers().features;
    const QStringList effective = catalog.expandFeatures(selected);
    for (const Row &row : std::as_const(m_rows)) {
        const QStringList impliers = impliersOf(row.id);
        const bool implied = !impliers.isEmpty();
        row.box->setChecked(effective.contains(row.id));
        row.box->setEnabled(!implied);
        if (implied) {
            QStringList names;
            for (const QString &i : impliers) {
                const Feature *f = catalog.feature(i);
                names << (f ? f->name.text(language()) : i);
            }
            row.included->setText(
                tr("Included with: %1")
                    .arg(names.join(language() == Language::Japanese ? QStringLiteral("、") : QStringLiteral(", "))));
        }
        row.included->setVisible(implied);
    }
    bool routes = !state()->ruleSet().isValid();
    for (const Rule &rule : state()->ruleSet().rules)
        routes = routes || rule.kind == RuleKind::Route;
    m_udrTags->setChecked(state()->answers().udr == UdrMethod::ServiceTags);
    m_udrRanges->setChecked(state()->answers().udr == UdrMethod::IpRanges);
    m_udrBox->setEnabled(routes);
    m_udrBox->setToolTip(routes ? QString() : tr("No routes are needed for the features chosen."));
    const Problems problems = AnswersValidator::validateFeatures(catalog, selected);
    if (hasErrors(problems)) {
        QStringList messages;
        for (const Problem &p : problems)
            messages << p.message();
        m_banner->showMessage(MessageBanner::Kind::Error, messages.join(u'\n'));
    } else {
        m_banner->clearMessage();
    }
    m_syncing = false;
    Q_EMIT completeChanged();
    scheduleRecount();
}

void FeaturesPage::toggle(const QString &id, bool on)
{
    if (m_syncing)
        return;
    QStringList selected = state()->answers().features;
    if (on && !selected.contains(id))
        selected << id;
    if (!on)
        selected.removeAll(id);
    state()->setFeatures(selected);
}

void FeaturesPage::scheduleRecount()
{
    m_recount->start();
}

void FeaturesPage::recountNow()
{
    m_recount->stop();
    const Catalog &catalog = state()->catalog();
    // Counts do not depend on the storage name and hardly on the region: stand in for missing answers.
    Answers base = state()->answers();
    if (!state()->isRegionValid()) {
        const QList<Region> regions = catalog.regions.value(base.cloud);
        for (const Region &r : regions) {
            if (r.aml) {
                base.region = r.name;
                break;
            }
        }
    }
    if (!state()->isStorageValid())
        base.storage = QStringLiteral("storage");
    // A rule is told apart by what the firewall sees: a feature can add rules, or ports to rules
    // that are there already (the private endpoint does), which a bare count would hide.
    auto signatures = [&catalog](const Answers &answers) {
        QHash<QString, QString> out;
        for (const Rule &r : RuleGenerator::generate(catalog, answers).rules)
            out.insert(r.id, r.destination + u' ' + r.protocol + u' ' + r.ports.join(u',') + u' ' + r.udr);
        return out;
    };
    const QHash<QString, QString> current = signatures(base);
    m_deltas.clear();
    m_changes.clear();
    for (const Row &row : std::as_const(m_rows)) {
        Answers other = base;
        const bool selected = other.features.contains(row.id);
        if (selected)
            other.features.removeAll(row.id);
        else
            other.features << row.id;
        const QHash<QString, QString> toggled = signatures(other);
        // Compare the set with the feature to the set without it.
        const QHash<QString, QString> &with = selected ? current : toggled;
        const QHash<QString, QString> &without = selected ? toggled : current;
        int added = 0;
        int changed = 0;
        for (auto it = with.cbegin(); it != with.cend(); ++it) {
            if (!without.contains(it.key()))
                ++added;
            else if (without.value(it.key()) != it.value())
                ++changed;
        }
        m_deltas.insert(row.id, added);
        m_changes.insert(row.id, changed);
    }
    updateCountLabels();
}

void FeaturesPage::updateCountLabels()
{
    for (const Row &row : std::as_const(m_rows)) {
        if (!m_deltas.contains(row.id)) {
            row.count->clear();
            continue;
        }
        const int delta = m_deltas.value(row.id);
        const int changes = m_changes.value(row.id);
        QString text;
        if (!impliersOf(row.id).isEmpty())
            text = tr("included");
        else if (delta == 0 && changes == 0)
            text = tr("no extra rules");
        else if (delta == 0)
            text = tr("changes %n rule(s)", nullptr, changes);
        else
            text = tr("+%n rule(s)", nullptr, delta);
        if (delta > 0 && changes > 0)
            text += tr(", %1 changed").arg(changes);
        row.count->setText(text);
        row.count->setToolTip(tr("What this feature adds to the current choice: new rules, and rules it changes (such "
                                 "as extra ports). Rules that other chosen features need already are not counted."));
        row.count->setAccessibleName(row.count->text());
    }
    const RuleSet &set = state()->ruleSet();
    if (set.isValid()) {
        const RuleSummary s = set.summary();
        m_total->setText(tr("This choice needs %n rule(s), %1 of which every workspace needs.", nullptr, int(s.total))
                             .arg(s.always));
    } else {
        m_total->setText(QString());
    }
    m_total->setAccessibleName(m_total->text());
}

} // namespace amlfw
