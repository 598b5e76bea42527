#pragma once

#include <QLoggingCategory>

// The logging category of kubeapi/. Never log a credential, token or key.
Q_DECLARE_LOGGING_CATEGORY(lcKubeApi)
