#include "kubeapi/logging.h"

Q_LOGGING_CATEGORY(lcKubeApi, "klarsicht.kubeapi")
