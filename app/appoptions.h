#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

// The GUI's command-line options (shared by the window and `klarsicht capture`).
struct AppOptions final
{
    QString language;          // --lang
    QString kubeconfig;        // --kubeconfig
    QString context;           // --context
    QStringList namespaces;    // --namespace (repeatable): watched when cluster-wide is forbidden
    bool demo = false;         // --demo
    QString preset;            // --preset
    QStringList demoArguments; // --nodes, --pods, --seed passed to the demo cluster
    QString openFile;          // --open
    QString prometheusUrl;     // --prometheus
    int intervalSeconds = 0; // --interval: 5, 15, 30 or 60; 0: the one chosen last in the View menu
    QString invalid;         // empty, or what is wrong with the options (in the user's language)
    bool interactive = true; // false for capture: no dialogs

    static void addTo(QCommandLineParser &parser);
    static AppOptions from(const QCommandLineParser &parser);
};
