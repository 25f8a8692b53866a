#pragma once

#include <QLabel>

namespace amlfw {

// A one-line label for a summary that may be longer than the room it gets: it shows as much as
// fits, ending in "…", and then carries the whole text in its tooltip (and accessible description).
// text() is what is shown; fullText() is the whole.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    bool isElided() const { return text() != m_fullText; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateShown();

    QString m_fullText;
};

} // namespace amlfw
