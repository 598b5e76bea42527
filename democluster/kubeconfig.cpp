#include "democluster/kubeconfig.h"

#include <openssl/evp.h>

#include <vector>

namespace demo {

std::string base64Encode(const std::string &data)
{
    std::vector<unsigned char> out(4 * ((data.size() + 2) / 3) + 1);
    const int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char *>(data.data()),
                                  static_cast<int>(data.size()));
    return std::string(reinterpret_cast<const char *>(out.data()), static_cast<std::size_t>(n));
}

std::string base64Decode(const std::string &data)
{
    if (data.empty() || data.size() % 4 != 0)
        return {};
    std::vector<unsigned char> out(3 * data.size() / 4 + 1);
    const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char *>(data.data()),
                                  static_cast<int>(data.size()));
    if (n < 0)
        return {};
    std::size_t size = static_cast<std::size_t>(n);
    // EVP_DecodeBlock counts the padding as zero bytes.
    if (data.size() >= 1 && data[data.size() - 1] == '=')
        --size;
    if (data.size() >= 2 && data[data.size() - 2] == '=')
        --size;
    return std::string(reinterpret_cast<const char *>(out.data()), size);
}

std::string renderKubeconfig(const KubeconfigCredentials &c)
{
    std::string y;
    y += "apiVersion: v1\n";
    y += "kind: Config\n";
    y += "preferences: {}\n";
    y += "current-context: demo\n";
    y += "clusters:\n";
    y += "- name: demo\n";
    y += "  cluster:\n";
    y += "    server: " + c.server + "\n";
    y += "    certificate-authority-data: " + base64Encode(c.caPem) + "\n";
    y += "users:\n";
    y += "- name: demo-admin\n";
    y += "  user:\n";
    y += "    client-certificate-data: " + base64Encode(c.adminCertPem) + "\n";
    y += "    client-key-data: " + base64Encode(c.adminKeyPem) + "\n";
    y += "- name: demo-admin-token\n";
    y += "  user:\n";
    y += "    token: " + c.adminToken + "\n";
    y += "- name: demo-viewer\n";
    y += "  user:\n";
    y += "    token: " + c.viewerToken + "\n";
    y += "contexts:\n";
    y += "- name: demo\n";
    y += "  context:\n";
    y += "    cluster: demo\n";
    y += "    user: demo-admin\n";
    y += "    namespace: default\n";
    y += "- name: demo-token\n";
    y += "  context:\n";
    y += "    cluster: demo\n";
    y += "    user: demo-admin-token\n";
    y += "    namespace: default\n";
    y += "- name: demo-viewer\n";
    y += "  context:\n";
    y += "    cluster: demo\n";
    y += "    user: demo-viewer\n";
    y += "    namespace: team-a\n";
    return y;
}

} // namespace demo
