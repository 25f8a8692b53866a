#pragma once

#include "desktopproxy.h"
#include "probeoptions.h"
#include "problem.h"

#include <QHash>
#include <QStringList>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QToolButton;

namespace amlfw {

class ElidedLabel;
class WizardSettings;
class WizardState;

// The live test's options: how to reach the web (direct, the system's proxy, an HTTP proxy with its
// credentials), and behind "More options" the sample hosts for wildcards, extra CA certificates, the
// timeout and how many endpoints are tested at once. Remembers them in the settings, on commit only
// (leaving a field, a choice made), never the proxy's user name or password.
class LiveTestOptions : public QWidget
{
    Q_OBJECT

public:
    // `settings` may be null (nothing remembered).
    LiveTestOptions(WizardState *state, WizardSettings *settings, QWidget *parent = nullptr);

    // What the page does not ask for (--resolve and --connect-to pins, as the CLI takes them); the
    // fields refine it: proxy, timeouts (when not "default"), concurrency, CA certificates, samples.
    void setBaseOptions(const ProbeOptions &options) { m_baseOptions = options; }
    const ProbeOptions &baseOptions() const { return m_baseOptions; }

    // The options the fields describe; nullopt, with translated reasons in *problems, when a field is
    // wrong. Located "proxy", "caBundle".
    static constexpr int FetchDialogDelayMs = 400; // a PAC URL's progress dialog shows after this

    std::optional<ProbeOptions> probeOptions(Problems *problems = nullptr) const;
    // Only the sample hosts given: enough to tell which rows a start would test.
    ProbeOptions samplesOnly() const;

    // Wildcards and service tags the rules name without a host to test: the user gives one each.
    QStringList sampleDestinations() const { return m_sampleDestinations; }
    void setSampleHost(const QString &destination, const QString &host);
    QString sampleHost(const QString &destination) const { return m_samples.value(destination); }
    void refreshSamples(); // the rule set changed

    // "Redirect": --resolve HOST:PORT:ADDR and --connect-to HOST:PORT:HOST2:PORT2 rules, one a line
    // (the option name optional: three fields resolve, four connect), added to the base options and
    // remembered per profile (the title of the profile the answers came from).
    QString redirectText() const;
    void setRedirectText(const QString &text);
    struct Redirects
    {
        QList<ResolveRule> resolve;
        QList<ConnectToRule> connectTo;
        QStringList errors; // translated, each naming its line
    };
    static Redirects parseRedirects(const QString &text);

    void setRunning(bool running); // nothing changes under a running test
    // The demo network is chosen: the options it does not use are greyed out and not checked.
    void setDemo(bool demo);
    void validateFields();         // marks the fields that are wrong
    void saveSettings();
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void samplesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildConnection();
    void buildMoreOptions();
    void retranslateUi();
    void updateProxyFields();
    void updateSummary();
    void updateEnabled();
    const DesktopProxy &desktopProxy() const;
    void moveUrlCredentials();
    void sampleEdited(int row, int column);
    void chooseCaBundle();
    // PAC: the script read and compiled once per location given (not while it is typed).
    void choosePac();
    void checkPac() const;
    // Reads or fetches `location` and compiles it; a URL that takes longer than FetchDialogDelayMs
    // shows a window-modal progress dialog whose Cancel (or Escape) gives up. False with a message.
    bool fetchPac(const QString &location, QString *script, QString *problem) const;
    void loadSettings();
    void buildRedirect();
    void retranslateRedirect();
    void validateRedirect();
    void loadRedirect(); // the profile's rules
    QString redirectProfileKey() const;

    WizardState *m_state;
    WizardSettings *m_settings;
    ProbeOptions m_baseOptions;
    mutable std::optional<DesktopProxy> m_desktopProxy; // read at the first use of "System"
    QStringList m_sampleDestinations;
    QHash<QString, QString> m_samples; // destination -> host the user gave
    bool m_loading = false;
    bool m_running = false;
    bool m_demo = false;

    QLabel *m_proxyLabel;
    QComboBox *m_proxyMode;
    QLabel *m_proxyHint;
    QLabel *m_proxyUrlLabel;
    QLineEdit *m_proxyUrl;
    QWidget *m_credentials;
    QLabel *m_proxyUserLabel;
    QLineEdit *m_proxyUser;
    QLabel *m_proxyPasswordLabel;
    QLineEdit *m_proxyPassword;
    QLabel *m_pacLabel;
    QLineEdit *m_pacLocation;
    QPushButton *m_browsePac;
    mutable QString m_pacChecked; // the location m_pacScript and m_pacProblem belong to
    mutable QString m_pacScript;
    mutable QString m_pacProblem;
    mutable QString m_desktopPacFetched; // the desktop's PAC URL m_desktopPacScript was fetched from
    mutable QString m_desktopPacScript;
    bool m_typing = false;
    QLabel *m_passwordNote;
    QToolButton *m_moreOptions;
    ElidedLabel *m_summary;
    QWidget *m_panel;
    QLabel *m_samplesLabel;
    QTableWidget *m_samplesTable;
    QLabel *m_noSamplesLabel;
    QLabel *m_caBundleLabel;
    QLineEdit *m_caBundle;
    QPushButton *m_browseCa;
    QLabel *m_timeoutLabel;
    QSpinBox *m_timeout;
    QLabel *m_concurrencyLabel;
    QSpinBox *m_concurrency;

    QWidget *m_redirectPanel = nullptr;
    QLabel *m_redirectLabel = nullptr;
    QPlainTextEdit *m_redirect = nullptr;
    QLabel *m_redirectProblem = nullptr;
    QString m_redirectProfile; // whose rules the field shows
};

} // namespace amlfw
