#pragma once

#include <QStringList>

// `klarsicht capture --out DIR [--demo | --context C | --open FILE] [--lang de|en]`: renders
// each tab of the main window offscreen to PNG once data has loaded. Returns the exit code.
int runCaptureCommand(const QStringList &arguments);
