#include "wizardstate.h"

#include "rulegenerator.h"

namespace amlfw {

WizardState::WizardState(const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_answers(defaultAnswers())
    , m_language(currentLanguage())
{
    regenerate();
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

void WizardState::setAnswers(const Answers &answers)
{
    if (answers == m_answers)
        return;
    m_answers = answers;
    regenerate();
    Q_EMIT answersChanged();
    Q_EMIT ruleSetChanged();
}

void WizardState::setCloud(const QString &cloud)
{
    Answers a = m_answers;
    a.cloud = cloud;
    // Region names are per cloud: a region of the old cloud would only be an error on the next page.
    if (!m_catalog.region(cloud, a.region))
        a.region.clear();
    setAnswers(a);
}

void WizardState::setRegion(const QString &region)
{
    Answers a = m_answers;
    a.region = region;
    setAnswers(a);
}

void WizardState::setStorage(const QString &storage)
{
    Answers a = m_answers;
    a.storage = storage;
    setAnswers(a);
}

void WizardState::setFeatures(const QStringList &features)
{
    Answers a = m_answers;
    // Catalog order, so that profiles and exports do not depend on the order of clicks.
    QStringList ordered;
    for (const QString &id : m_catalog.featureIds()) {
        if (features.contains(id))
            ordered << id;
    }
    a.features = ordered;
    setAnswers(a);
}

void WizardState::setUdr(UdrMethod udr)
{
    Answers a = m_answers;
    a.udr = udr;
    setAnswers(a);
}

void WizardState::setLanguage(Language language)
{
    applyLanguage(language);
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
    return m_catalog.cloud(m_answers.cloud) != nullptr;
}

bool WizardState::isRegionValid() const
{
    return m_catalog.region(m_answers.cloud, m_answers.region) != nullptr;
}

bool WizardState::isStorageValid() const
{
    return AnswersValidator::storageNameError(m_answers.storage).isEmpty();
}

QString WizardState::scenarioTitle() const
{
    QStringList parts;
    if (const Cloud *cloud = m_catalog.cloud(m_answers.cloud))
        parts << cloud->name.text(m_language);
    if (isRegionValid())
        parts << m_answers.region;
    if (isStorageValid())
        parts << m_answers.storage;
    return parts.join(QStringLiteral(", "));
}

void WizardState::regenerate()
{
    m_ruleSet = RuleGenerator::generate(m_catalog, m_answers);
}

} // namespace amlfw
