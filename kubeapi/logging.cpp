#include "kubeapi/logging.h"

// Debug lines (every page, every watch) only on request: QT_LOGGING_RULES="klarsicht.*.debug=true".
Q_LOGGING_CATEGORY(lcKubeApi, "klarsicht.kubeapi", QtInfoMsg)
