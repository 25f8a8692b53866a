#pragma once

#include "statepage.h"

class QLabel;
class QLineEdit;
class QTreeView;

namespace amlfw {

class MessageBanner;
class GroupedFilterModel;
class RegionModel;

// The region: a searchable list of the cloud's regions grouped by geography, with the paired
// region and a warning where Azure Machine Learning is not offered.
class RegionPage : public StatePage
{
    Q_OBJECT

public:
    explicit RegionPage(WizardState *state, QWidget *parent = nullptr);

    QString stepName() const override;
    void initializePage() override;
    bool isComplete() const override;

    GroupedFilterModel *filterModel() const { return m_filter; }

protected:
    void retranslateUi() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildModel();
    void selectFromState();
    void onSelectionChanged();
    void onSearchChanged();
    void updateMessages();
    void selectFirstMatch();

    QString m_modelCloud;
    Language m_modelLanguage = Language::English;
    QLabel *m_searchLabel;
    QLineEdit *m_search;
    QLabel *m_listLabel;
    QTreeView *m_view;
    RegionModel *m_model;
    GroupedFilterModel *m_filter;
    QLabel *m_selection;
    MessageBanner *m_banner;
    bool m_syncing = false;
};

} // namespace amlfw
