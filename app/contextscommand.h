#pragma once

// `klarsicht contexts [--kubeconfig FILE] [-o name] [--no-headers] [NAME...]`: lists the
// kubeconfig's contexts exactly like `kubectl config get-contexts` (same merge, order, spacing).
#include <QStringList>
#include <QTextStream>

// `arguments` are the words after "contexts". Writes to stdout/stderr; returns the exit code.
int runContextsCommand(const QStringList &arguments);
// The same, writing to the given streams (used by the tests).
int runContextsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
