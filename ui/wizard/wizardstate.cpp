#include "wizardstate.h"

#include "rulegenerator.h"
#include "uifont.h"

namespace amlfw {

WizardState::WizardState(const Catalog &catalog, QObject *parent)
    : WizardState(QList<Catalog>{catalog}, catalog.edition, parent)
{
}

WizardState::WizardState(const QList<Catalog> &catalogs, const QString &edition, QObject *parent)
    : QObject(parent)
    , m_catalogs(catalogs.isEmpty() ? QList<Catalog>{Catalog()} : catalogs)
    , m_current(m_catalogs.size() - 1)
    , m_answers(defaultAnswers())
    , m_language(currentLanguage())
{
    if (const int index = indexOf(edition); index >= 0)
        m_current = index;
    m_answers.edition = this->edition();
    regenerate();
}

int WizardState::indexOf(const QString &edition) const
{
    for (qsizetype i = 0; i < m_catalogs.size(); ++i) {
        if (m_catalogs.at(i).edition == edition)
            return int(i);
    }
    return -1;
}

Answers WizardState::defaultAnswers()
{
    Answers answers;
    answers.cloud = QStringLiteral("public");
    // Most workspaces in a virtual network train on compute instances and clusters.
    answers.features = {QStringLiteral("compute-instance"), QStringLiteral("compute-cluster")};
    answers.udr = UdrMethod::ServiceTags;
    return answers;
}

bool WizardState::hasDefaultAnswers() const
{
    Answers a = m_answers;
    a.edition.clear();
    return a == defaultAnswers();
}

void WizardState::setAnswers(const Answers &answers)
{
    Answers a = answers;
    if (a.edition.isEmpty())
        a.edition = edition();
    const int index = indexOf(a.edition);
    if (index < 0) {
        // An edition amlfw does not know (a newer amlfw's profile): read with the current one.
        QList<TranslatableText> notice{
            TranslatableText("amlfw::WizardState",
                             QT_TRANSLATE_NOOP("amlfw::WizardState",
                                               "The answers are for the edition %1, which this amlfw does not know: "
                                               "they are read with the %2 edition."))
                .arg(a.edition, edition())};
        a = carriedOver(a, int(m_current), &notice);
        setNotice(notice);
    }
    if (a == m_answers)
        return;
    const bool switched = index >= 0 && index != m_current;
    if (switched) {
        m_current = index;
        setNotice({});
    }
    m_answers = a;
    regenerate();
    if (switched)
        Q_EMIT catalogChanged();
    Q_EMIT answersChanged();
    Q_EMIT ruleSetChanged();
}

void WizardState::setSavedAnswers(Answers answers)
{
    if (!answers.edition.isEmpty()) {
        setAnswers(answers);
        return;
    }
    answers.edition = legacyEdition();
    setAnswers(answers);
    QList<TranslatableText> notice{
        TranslatableText("amlfw::WizardState",
                         QT_TRANSLATE_NOOP("amlfw::WizardState",
                                           "These answers were saved without an edition: they are read as the "
                                           "%1 edition. Choose another edition on the first page if you need it."))
            .arg(legacyEdition())};
    notice << m_notice;
    setNotice(notice);
}

void WizardState::setEdition(const QString &edition)
{
    const int index = indexOf(edition);
    if (index < 0 || index == m_current)
        return;
    QList<TranslatableText> notice;
    const Answers a = carriedOver(m_answers, index, &notice);
    m_current = index;
    m_answers = a;
    regenerate();
    Q_EMIT catalogChanged();
    Q_EMIT answersChanged();
    Q_EMIT ruleSetChanged();
    setNotice(notice);
}

Answers WizardState::carriedOver(Answers a, int index, QList<TranslatableText> *notice) const
{
    const Catalog &to = m_catalogs.at(index);
    a.edition = to.edition;
    if (!a.cloud.isEmpty() && !to.cloud(a.cloud)) {
        *notice << TranslatableText("amlfw::WizardState",
                                    QT_TRANSLATE_NOOP("amlfw::WizardState",
                                                      "The cloud \"%1\" is not in the %2 edition: choose the cloud "
                                                      "again."))
                       .arg(a.cloud, to.edition);
        a.cloud.clear();
        a.region.clear();
    } else if (!a.region.isEmpty() && !to.region(a.cloud, a.region)) {
        *notice << TranslatableText("amlfw::WizardState",
                                    QT_TRANSLATE_NOOP("amlfw::WizardState",
                                                      "The region \"%1\" is not in the %2 edition: choose the "
                                                      "region again."))
                       .arg(a.region, to.edition);
        a.region.clear();
    }
    // Features of the other edition become their nearest ones here; ids nobody knows stay, so
    // that the features page names them.
    QStringList features;
    QStringList unknown;
    for (const QString &f : std::as_const(a.features)) {
        if (to.feature(f)) {
            features << f;
        } else if (to.featureMap.contains(f)) {
            *notice << AnswersValidator::featureOfOtherEdition(to, f);
            features << to.featureMap.value(f).nearest;
        } else {
            unknown << f;
        }
    }
    a.features.clear();
    for (const QString &id : to.featureIds()) {
        if (features.contains(id))
            a.features << id;
    }
    a.features << unknown;
    if (a.network == NetworkKind::Managed && !to.hasNetwork(NetworkKind::Managed)) {
        *notice << TranslatableText("amlfw::WizardState",
                                    QT_TRANSLATE_NOOP("amlfw::WizardState",
                                                      "The %1 edition has no managed virtual network: the rules are "
                                                      "for your own firewall."))
                       .arg(to.edition);
        a.network = NetworkKind::Customer;
    }
    return a;
}

void WizardState::setNotice(const QList<TranslatableText> &notice)
{
    const bool changed = !notice.isEmpty() || !m_notice.isEmpty();
    m_notice = notice;
    if (changed)
        Q_EMIT noticeChanged();
}

QString WizardState::noticeText() const
{
    QStringList lines;
    for (const TranslatableText &t : m_notice)
        lines << t.toString(m_language);
    return lines.join(u'\n');
}

void WizardState::setCloud(const QString &cloud)
{
    Answers a = m_answers;
    if (a.cloud == cloud)
        return;
    // Region names are per cloud: each cloud keeps the region last chosen in it, so that going
    // through the clouds (arrow keys) and back loses nothing.
    if (!a.cloud.isEmpty() && catalog().region(a.cloud, a.region))
        m_regionOfCloud.insert(a.cloud, a.region);
    a.cloud = cloud;
    if (!catalog().region(cloud, a.region))
        a.region = catalog().region(cloud, m_regionOfCloud.value(cloud)) ? m_regionOfCloud.value(cloud) : QString();
    setAnswers(a);
}

void WizardState::setRegion(const QString &region)
{
    setAnswer(&Answers::region, region);
}

void WizardState::setStorage(const QString &storage)
{
    setAnswer(&Answers::storage, storage);
}

void WizardState::setFeatures(const QStringList &features)
{
    Answers a = m_answers;
    // Catalog order, so that profiles and exports do not depend on the order of clicks.
    QStringList ordered;
    for (const QString &id : catalog().featureIds()) {
        if (features.contains(id))
            ordered << id;
    }
    a.features = ordered;
    setAnswers(a);
}

void WizardState::setUdr(UdrMethod udr)
{
    setAnswer(&Answers::udr, udr);
}

void WizardState::setNetwork(NetworkKind network)
{
    setAnswer(&Answers::network, network);
}

void WizardState::setAcr(const QString &acr)
{
    setAnswer(&Answers::acr, acr);
}

void WizardState::setWorkspaceId(const QString &workspaceId)
{
    setAnswer(&Answers::workspaceId, workspaceId);
}

void WizardState::setProfileTitle(const QString &title)
{
    // One line of reasonable length: it goes into the window title and every page header.
    QString line = title.simplified();
    if (line.size() > 80)
        line = line.left(79) + QChar(0x2026);
    if (line == m_profileTitle)
        return;
    m_profileTitle = line;
    Q_EMIT profileTitleChanged();
}

void WizardState::startOver()
{
    setProfileTitle({});
    setNotice({});
    m_regionOfCloud.clear();
    setAnswers(defaultAnswers());
}

void WizardState::setLanguage(Language language)
{
    applyLanguage(language);
    applyUiFont(language);
    const bool changed = language != m_language;
    m_language = language;
    if (changed) {
        // Messages inside the rule set (problems) are translated when created.
        regenerate();
        Q_EMIT languageChanged();
        Q_EMIT ruleSetChanged();
    }
}

bool WizardState::isCloudValid() const
{
    return catalog().cloud(m_answers.cloud) != nullptr;
}

bool WizardState::isRegionValid() const
{
    return catalog().region(m_answers.cloud, m_answers.region) != nullptr;
}

bool WizardState::isStorageValid() const
{
    return AnswersValidator::storageNameError(m_answers.storage).isEmpty();
}

bool WizardState::usesPlaceholder(const QString &placeholder) const
{
    const QString token = u'<' + placeholder + u'>';
    for (const CatalogRule &rule : catalog().rules) {
        if (rule.destination.contains(token))
            return true;
    }
    return false;
}

QString WizardState::scenarioTitle() const
{
    QStringList parts;
    if (const Cloud *cloud = catalog().cloud(m_answers.cloud))
        parts << cloud->name.text(m_language);
    if (isRegionValid())
        parts << m_answers.region;
    if (isStorageValid())
        parts << m_answers.storage;
    return parts.join(QStringLiteral(", "));
}

void WizardState::regenerate()
{
    m_ruleSet = RuleGenerator::generate(catalog(), m_answers);
    if (!m_serviceTags)
        return;
    m_serviceTagsProblems = applyServiceTags(&m_ruleSet, m_serviceTags);
    if (hasErrors(m_serviceTagsProblems))
        m_serviceTags.reset(); // another cloud now: the file no longer describes these rules
    Q_EMIT serviceTagsChanged();
}

Problems WizardState::setServiceTags(std::shared_ptr<const ServiceTagsFile> file)
{
    if (!file) {
        clearServiceTags();
        return {};
    }
    RuleSet set = m_ruleSet;
    const Problems problems = applyServiceTags(&set, file);
    if (hasErrors(problems))
        return problems; // the file is not kept; the one before it, if any, stays
    m_serviceTags = std::move(file);
    m_serviceTagsProblems = problems;
    m_ruleSet = std::move(set);
    Q_EMIT serviceTagsChanged();
    Q_EMIT ruleSetChanged();
    return problems;
}

void WizardState::clearServiceTags()
{
    if (!m_serviceTags && m_serviceTagsProblems.isEmpty())
        return;
    m_serviceTags.reset();
    m_serviceTagsProblems.clear();
    m_ruleSet.serviceTags.reset();
    Q_EMIT serviceTagsChanged();
    Q_EMIT ruleSetChanged();
}

} // namespace amlfw
