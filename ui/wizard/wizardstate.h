#pragma once

#include "answers.h"
#include "catalog.h"
#include "language.h"
#include "rule.h"

#include <QObject>

namespace amlfw {

// What the wizard knows: the catalog, the user's answers, the rule set generated from them and the
// UI language. Pages read and write it instead of each other, so a change made on one page reaches
// every later one (and the live-test page, which is added by another component).
class WizardState : public QObject
{
    Q_OBJECT

public:
    explicit WizardState(const Catalog &catalog, QObject *parent = nullptr);

    const Catalog &catalog() const { return m_catalog; }
    const Answers &answers() const { return m_answers; }
    const RuleSet &ruleSet() const { return m_ruleSet; }
    Language language() const { return m_language; }

    void setAnswers(const Answers &answers);
    void setCloud(const QString &cloud);
    void setRegion(const QString &region);
    void setStorage(const QString &storage);
    void setFeatures(const QStringList &features);
    void setUdr(UdrMethod udr);

    // Installs the translators and tells every page; answers are kept.
    void setLanguage(Language language);

    // The answers a fresh start begins with: the most common scenario, region and storage left to the user.
    static Answers defaultAnswers();

    // Convenience checks for pages.
    bool isCloudValid() const;
    bool isRegionValid() const; // known in the chosen cloud (Azure ML not offered is only a warning)
    bool isStorageValid() const;

    // The scenario in a few words, for the window title: "Azure Public, japaneast, mystore".
    QString scenarioTitle() const;

Q_SIGNALS:
    void answersChanged();
    void ruleSetChanged();
    void languageChanged();

private:
    void regenerate();

    const Catalog m_catalog;
    Answers m_answers;
    RuleSet m_ruleSet;
    Language m_language = Language::English;
};

} // namespace amlfw
