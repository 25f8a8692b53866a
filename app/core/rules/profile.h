#pragma once

#include "answers.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace amlfw {

// A profile: a small JSON file holding answers, saved by the wizard and read by the CLI.
// Every field is optional, so a profile can hold part of a scenario and flags add the rest.
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(amlfw::Profile)

public:
    static constexpr int FormatVersion = 1;

    std::optional<QString> cloud;
    std::optional<QString> region;
    std::optional<QString> storage;
    std::optional<QStringList> features;
    std::optional<UdrMethod> udr;
    std::optional<Language> language;
    std::optional<QString> edition; // absent: made before editions existed, so for 2021-11
    std::optional<QString> acr;
    std::optional<QString> workspaceId;
    std::optional<NetworkKind> network;
    QString title; // optional name of the scenario, e.g. for a workshop

    static Profile fromAnswers(const Answers &answers);
    Answers toAnswers() const; // fields not set stay empty / default
    void applyTo(Answers *answers) const;

    static std::optional<Profile> fromJson(const QByteArray &json, const QString &origin, Problems *problems);
    static std::optional<Profile> fromFile(const QString &path, Problems *problems);
    QByteArray toJson() const;
    bool save(const QString &path, QString *error) const; // atomic
};

} // namespace amlfw
