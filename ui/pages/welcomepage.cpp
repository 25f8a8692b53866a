#include "welcomepage.h"

#include "confirmation.h"
#include "wizardstate.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace amlfw {

WelcomePage::WelcomePage(WizardState *state, QWidget *parent)
    : StatePage(state, parent)
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_intro(new QLabel(this))
    , m_catalogBox(new QGroupBox(this))
    , m_editionGroup(new QButtonGroup(this))
    , m_catalogText(new QLabel(m_catalogBox))
    , m_editionNote(new QLabel(m_catalogBox))
    , m_profileBox(new QGroupBox(this))
    , m_profileText(new QLabel(m_profileBox))
    , m_scenario(new QLabel(m_profileBox))
    , m_openProfile(new QPushButton(m_profileBox))
    , m_saveProfile(new QPushButton(m_profileBox))
    , m_startOver(new QPushButton(m_profileBox))
{
    setObjectName(QStringLiteral("welcomePage"));
    // Each language is named in itself, so that either reader finds their own.
    m_language->addItem(QStringLiteral("English"), QVariant::fromValue(int(Language::English)));
    m_language->addItem(QStringLiteral("日本語"), QVariant::fromValue(int(Language::Japanese)));
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_languageLabel->setBuddy(m_language);
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_intro->setWordWrap(true);
    m_intro->setObjectName(QStringLiteral("introLabel"));
    m_catalogText->setWordWrap(true);
    m_catalogText->setTextFormat(Qt::RichText);
    m_catalogText->setOpenExternalLinks(true);
    m_catalogText->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_catalogText->setObjectName(QStringLiteral("catalogText"));
    m_editionNote->setWordWrap(true);
    m_editionNote->setObjectName(QStringLiteral("editionNote"));
    m_profileText->setWordWrap(true);
    m_scenario->setWordWrap(true);
    m_scenario->setObjectName(QStringLiteral("scenarioLabel"));
    m_scenario->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openProfile->setObjectName(QStringLiteral("openProfileButton"));
    m_saveProfile->setObjectName(QStringLiteral("saveProfileButton"));
    m_startOver->setObjectName(QStringLiteral("startOverButton"));

    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_language);
    languageRow->addStretch(1);

    auto *catalogLayout = new QVBoxLayout(m_catalogBox);
    // One radio button per edition, newest first (the one most readers want), with its sentence below.
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
                       + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    QWidget *previous = m_language;
    for (qsizetype i = state->catalogs().size() - 1; i >= 0; --i) {
        EditionChoice choice{state->catalogs().at(i).edition, new QRadioButton(m_catalogBox), new QLabel(m_catalogBox)};
        choice.button->setObjectName(QStringLiteral("edition_") + choice.edition);
        choice.summary->setObjectName(QStringLiteral("editionSummary_") + choice.edition);
        choice.summary->setWordWrap(true);
        choice.summary->setContentsMargins(indent, 0, 0, 4);
        choice.summary->setForegroundRole(QPalette::PlaceholderText);
        m_editionGroup->addButton(choice.button, int(i));
        catalogLayout->addWidget(choice.button, 0, Qt::AlignLeft);
        catalogLayout->addWidget(choice.summary);
        setTabOrder(previous, choice.button);
        previous = choice.button;
        m_editions << choice;
    }
    catalogLayout->addWidget(m_catalogText);
    catalogLayout->addWidget(m_editionNote);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openProfile);
    buttons->addWidget(m_saveProfile);
    buttons->addStretch(1);
    buttons->addWidget(m_startOver);
    auto *profileLayout = new QVBoxLayout(m_profileBox);
    profileLayout->addWidget(m_profileText);
    profileLayout->addWidget(m_scenario);
    profileLayout->addLayout(buttons);

    // In a small window (or a large font) the texts keep their lines and the page scrolls.
    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("welcomeContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 6, 0); // room beside the scroll bar
    contentLayout->addLayout(languageRow);
    contentLayout->addSpacing(4);
    contentLayout->addWidget(m_intro);
    contentLayout->addSpacing(4);
    contentLayout->addWidget(m_catalogBox);
    contentLayout->addWidget(m_profileBox);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setFocusPolicy(Qt::NoFocus); // not a stop of its own: it scrolls to the focused control
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);

    for (QPushButton *b : {m_openProfile, m_saveProfile, m_startOver})
        b->setAutoDefault(false); // Enter means Next
    // The article's link, below the editions, is a stop of its own (Tab reaches it, Enter opens it).
    setTabOrder(previous, m_catalogText);
    setTabOrder(m_catalogText, m_openProfile);
    setTabOrder(m_openProfile, m_saveProfile);
    setTabOrder(m_saveProfile, m_startOver);

    connect(m_language, &QComboBox::activated, this,
            [this](int index) { this->state()->setLanguage(Language(m_language->itemData(index).toInt())); });
    connect(m_editionGroup, &QButtonGroup::idClicked, this, [this](int index) {
        if (index >= 0 && index < this->state()->catalogs().size())
            this->state()->setEdition(this->state()->catalogs().at(index).edition);
    });
    connect(m_openProfile, &QPushButton::clicked, this, &WelcomePage::openProfileRequested);
    connect(m_saveProfile, &QPushButton::clicked, this, &WelcomePage::saveProfileRequested);
    connect(m_startOver, &QPushButton::clicked, this, [this] {
        if (confirmLoss(this, tr("Start over?"),
                        tr("Every answer goes back to its default: the cloud, the region, the storage account and "
                           "the features. Profiles you saved are not changed."),
                        tr("&Start over"), tr("&Keep my answers")))
            this->state()->startOver();
    });
    connect(state, &WizardState::answersChanged, this, &WelcomePage::updateScenario);
    connect(state, &WizardState::catalogChanged, this, &WelcomePage::syncEdition);
    connect(state, &WizardState::languageChanged, this,
            [this] { m_language->setCurrentIndex(m_language->findData(int(language()))); });
    m_language->setCurrentIndex(m_language->findData(int(language())));
    syncEdition();
    retranslateUi();
}

QString WelcomePage::stepName() const
{
    return tr("Welcome");
}

void WelcomePage::retranslateUi()
{
    setTitle(tr("Firewall rules for Azure Machine Learning"));
    setSubTitle(tr("Find the rules your workspace in a virtual network needs, then export them."));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    m_language->setAccessibleDescription(tr("The language of the wizard, the rules and the exported files."));
    m_language->setToolTip(tr("Switch the language at any time with Ctrl+L."));
    m_intro->setText(
        tr("A few questions about the workspace (cloud, region, default storage account and the features you use) "
           "give exactly the rules your firewall needs: inbound traffic and user-defined routes, network rules with "
           "service tags, application rules with FQDNs, and host tables for other firewalls. Review them, then "
           "export an ARM template, a CSV file for the change ticket, or JSON."));

    const Catalog &catalog = state()->catalog();
    const Language lang = language();
    m_catalogBox->setTitle(m_editions.size() > 1 ? tr("Edition of the rules") : tr("Rule catalog"));
    for (const EditionChoice &choice : std::as_const(m_editions)) {
        const auto it = std::find_if(state()->catalogs().cbegin(), state()->catalogs().cend(),
                                     [&choice](const Catalog &c) { return c.edition == choice.edition; });
        // The year's last digit tells the editions apart: Alt+6 for 2026-03, Alt+1 for 2021-11.
        QString mnemonic = choice.edition;
        if (mnemonic.size() > 3)
            mnemonic.insert(3, u'&');
        const bool newest = choice.edition == m_editions.first().edition;
        choice.button->setText(newest ? tr("Edition %1, article dated %2 (newest)").arg(mnemonic, it->sourceDate)
                                      : tr("Edition %1, article dated %2").arg(mnemonic, it->sourceDate));
        QString summary = it->summary.text(lang);
        if (summary.isEmpty())
            summary = tr("The article \"%1\" as it was on %2.").arg(it->sourceTitle.text(lang), it->sourceDate);
        choice.summary->setText(summary);
        choice.button->setAccessibleName(tr("Edition %1").arg(choice.edition));
        choice.button->setAccessibleDescription(summary);
        choice.button->setToolTip(summary);
        // One edition only (a test's catalog): nothing to choose.
        choice.button->setVisible(m_editions.size() > 1);
        choice.summary->setVisible(m_editions.size() > 1);
    }
    // With a choice above, the edition and its date are there already: only the article is left to name.
    m_catalogText->setText(
        m_editions.size() > 1
            ? tr("The rules of the chosen edition follow the article <a href=\"%1\">%2</a>.")
                  .arg(catalog.sourceUrl.toHtmlEscaped(), catalog.sourceTitle.text(lang).toHtmlEscaped())
            : tr("Edition %1, from the article <a href=\"%2\">%3</a> dated %4.")
                  .arg(catalog.edition.toHtmlEscaped(), catalog.sourceUrl.toHtmlEscaped(),
                       catalog.sourceTitle.text(lang).toHtmlEscaped(), catalog.sourceDate.toHtmlEscaped()));
    m_catalogText->setAccessibleName(tr("Rule catalog edition"));
    QString editionNote;
    for (const Note &note : catalog.scenarioNotes) {
        if (note.id == u"edition")
            editionNote = note.text.text(lang);
    }
    m_editionNote->setText(editionNote);
    m_editionNote->setVisible(!editionNote.isEmpty());

    m_profileBox->setTitle(tr("Answers and profiles"));
    m_profileText->setText(tr("Your answers are remembered for next time. A profile file holds them too: share it "
                              "with colleagues, or give it to the command-line tool with --profile."));
    m_openProfile->setText(tr("&Open profile…"));
    m_openProfile->setToolTip(tr("Fill in every answer from a saved profile file (Ctrl+O)."));
    m_openProfile->setAccessibleName(tr("Open profile"));
    m_openProfile->setAccessibleDescription(tr("Reads the answers from a profile file."));
    m_saveProfile->setText(tr("&Save profile…"));
    m_saveProfile->setToolTip(tr("Save the current answers as a profile file (Ctrl+S)."));
    m_saveProfile->setAccessibleName(tr("Save profile"));
    m_saveProfile->setAccessibleDescription(tr("Writes the current answers to a profile file."));
    m_startOver->setText(tr("Start o&ver"));
    m_startOver->setToolTip(tr("Forget the current answers and begin with the defaults."));
    m_startOver->setAccessibleName(tr("Start over"));
    m_startOver->setAccessibleDescription(tr("Resets every answer to its default."));
    updateScenario();
}

void WelcomePage::updateScenario()
{
    const QString scenario = state()->scenarioTitle();
    const bool isDefault = state()->hasDefaultAnswers();
    m_startOver->setEnabled(!isDefault);
    m_scenario->setText(isDefault ? tr("Current answers: none yet.")
                                  : tr("Current answers: %1; features selected: %2.")
                                        .arg(scenario, QString::number(state()->answers().features.size())));
    m_scenario->setAccessibleName(m_scenario->text());
}

void WelcomePage::syncEdition()
{
    for (const EditionChoice &choice : std::as_const(m_editions)) {
        if (choice.edition == state()->edition() && !choice.button->isChecked())
            choice.button->setChecked(true);
    }
}

} // namespace amlfw
