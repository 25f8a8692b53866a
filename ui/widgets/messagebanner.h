#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;

namespace amlfw {

// A coloured strip with an icon and a message: validation errors, warnings, results. Hidden when
// it has nothing to say, so pages do not keep an empty box around.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Success, Warning, Error };
    // Set (true) on a banner while it shows a message made by amlfw_core, which core translates.
    static constexpr const char *CoreTextProperty = "amlfwCoreText";

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text); // plain text; shown
    void showRichMessage(Kind kind, const QString &html);
    void clearMessage(); // hides

    Kind kind() const { return m_kind; }
    QString text() const;
    QLabel *label() const { return m_text; }
    // Room for buttons to the right of the text (e.g. "Open folder").
    void addWidget(QWidget *widget);

private:
    void applyKind();

    Kind m_kind = Kind::Info;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
};

} // namespace amlfw
