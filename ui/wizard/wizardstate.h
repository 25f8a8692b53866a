#pragma once

#include "answers.h"
#include "catalog.h"
#include "language.h"
#include "rule.h"
#include "servicetags.h"
#include "translatabletext.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <memory>

namespace amlfw {

// What the wizard knows: the catalogs of the editions, the current one, the user's answers, the
// rule set generated from them and the UI language. Pages read and write it instead of each other,
// so a change made on one page reaches every later one (and the live-test page, which is added by
// another component).
class WizardState : public QObject
{
    Q_OBJECT

public:
    // One edition only (tests, --catalog).
    explicit WizardState(const Catalog &catalog, QObject *parent = nullptr);
    // Every edition, loaded once; `edition` is the current one (empty or unknown: the last of `catalogs`).
    WizardState(const QList<Catalog> &catalogs, const QString &edition, QObject *parent = nullptr);

    // The edition that answers saved before editions existed are read as.
    static QString legacyEdition() { return QStringLiteral("2021-11"); }

    const Catalog &catalog() const { return m_catalogs.at(m_current); }
    const QList<Catalog> &catalogs() const { return m_catalogs; }
    QString edition() const { return catalog().edition; }
    const Answers &answers() const { return m_answers; }
    const RuleSet &ruleSet() const { return m_ruleSet; }
    Language language() const { return m_language; }

    // Answers of the current edition; an answer naming another known edition switches to it.
    void setAnswers(const Answers &answers);
    // Answers read from a profile or the settings: without an edition they were saved before
    // editions existed and are read as the 2021-11 edition, which the notice says.
    void setSavedAnswers(Answers answers);
    // Switches the catalog; answers the edition lacks are replaced or dropped, as the notice says.
    void setEdition(const QString &edition);
    void setCloud(const QString &cloud);
    void setRegion(const QString &region);
    void setStorage(const QString &storage);
    void setFeatures(const QStringList &features);
    void setUdr(UdrMethod udr);
    void setNetwork(NetworkKind network);
    void setAcr(const QString &acr);
    void setWorkspaceId(const QString &workspaceId);
    // Back to the defaults, in the current edition.
    void startOver();

    // What the last change of edition did to the answers (features replaced, answers dropped), or
    // that saved answers were read as 2021-11; empty when there is nothing to say.
    const QList<TranslatableText> &notice() const { return m_notice; }
    QString noticeText() const; // the notice in the current language, one line per item
    void clearNotice() { setNotice({}); }

    // The "Azure IP Ranges and Service Tags" file the rules are expanded with, kept while the answers
    // change and applied again to every new rule set. A file of another cloud is refused: the errors
    // are returned and the file is not kept. Warnings (tags the file lacks) stay in
    // serviceTagsProblems(). Should the cloud change so that the kept file no longer fits, the file is
    // dropped and serviceTagsProblems() says why.
    Problems setServiceTags(std::shared_ptr<const ServiceTagsFile> file);
    void clearServiceTags();
    std::shared_ptr<const ServiceTagsFile> serviceTags() const { return m_serviceTags; }
    const Problems &serviceTagsProblems() const { return m_serviceTagsProblems; }

    // Installs the translators and tells every page; answers are kept.
    void setLanguage(Language language);

    // The answers a fresh start begins with: the most common scenario, region and storage left to the user.
    static Answers defaultAnswers();
    bool hasDefaultAnswers() const; // the defaults, whatever the edition

    // Convenience checks for pages.
    bool isCloudValid() const;
    bool isRegionValid() const; // known in the chosen cloud (Azure ML not offered is only a warning)
    bool isStorageValid() const;
    // Whether some rule of the current edition names `<placeholder>` (e.g. "acr", "workspace-id").
    bool usesPlaceholder(const QString &placeholder) const;

    // The scenario in a few words, for the window title: "Azure Public, japaneast, mystore".
    QString scenarioTitle() const;
    // The `title` of the profile the answers came from ("Tokyo workshop"), for the window title and
    // the page headers; empty when there is none. Kept while the answers change; Start over forgets it.
    QString profileTitle() const { return m_profileTitle; }
    void setProfileTitle(const QString &title);

Q_SIGNALS:
    void answersChanged();
    void ruleSetChanged();
    void languageChanged();
    void catalogChanged(); // before answersChanged, when the edition changes
    void noticeChanged();
    void profileTitleChanged();
    void serviceTagsChanged(); // the file, or what applying it said

private:
    void regenerate();
    int indexOf(const QString &edition) const;
    // `answers` moved to catalog `index`: what does not exist there replaced or dropped.
    Answers carriedOver(Answers answers, int index, QList<TranslatableText> *notice) const;
    void setNotice(const QList<TranslatableText> &notice);
    // One answer changed, the others kept.
    template<typename T>
    void setAnswer(T Answers::*field, const T &value)
    {
        Answers a = m_answers;
        a.*field = value;
        setAnswers(a);
    }

    const QList<Catalog> m_catalogs;
    qsizetype m_current = 0;
    Answers m_answers;
    QHash<QString, QString> m_regionOfCloud; // the last region chosen in each cloud left
    RuleSet m_ruleSet;
    Language m_language = Language::English;
    QList<TranslatableText> m_notice;
    QString m_profileTitle;
    std::shared_ptr<const ServiceTagsFile> m_serviceTags;
    Problems m_serviceTagsProblems;
};

} // namespace amlfw
