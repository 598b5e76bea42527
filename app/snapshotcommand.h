#pragma once

#include <QStringList>

// `klarsicht snapshot -o FILE [--kubeconfig F] [--context C] [--samples N] [--interval S]`:
// writes a support hand-over snapshot (docs/snapshot.md) headless. Returns the exit code.
int runSnapshotCommand(const QStringList &arguments);
