#pragma once

#include <QLoggingCategory>

// The logging category of models/.
Q_DECLARE_LOGGING_CATEGORY(lcModels)
