#pragma once

// Writes the demo cluster's kubeconfig (YAML) with its CA and three contexts.
#include <string>

namespace demo {

struct KubeconfigCredentials
{
    std::string server;
    std::string caPem;
    std::string adminCertPem;
    std::string adminKeyPem;
    std::string adminToken;
    std::string viewerToken;
};

std::string renderKubeconfig(const KubeconfigCredentials &credentials);
std::string base64Encode(const std::string &data);
std::string base64Decode(const std::string &data);

} // namespace demo
