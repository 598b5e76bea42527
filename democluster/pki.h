#pragma once

// The demo cluster's own certificate authority: a CA, the server certificate (SAN 127.0.0.1,
// localhost) and client certificates (CN = user, O = groups), all made at start-up in memory.
#include <memory>
#include <string>
#include <vector>

typedef struct ssl_ctx_st SSL_CTX;

namespace demo {

struct Credential
{
    std::string certificatePem;
    std::string keyPem;
};

class Pki final
{
public:
    Pki();
    ~Pki();
    Pki(const Pki &) = delete;
    Pki &operator=(const Pki &) = delete;

    const std::string &caPem() const;
    Credential issueServer() const;
    Credential issueClient(const std::string &user, const std::vector<std::string> &groups) const;

    // Sets up a server context: presents `server`, asks (but does not require) clients for a
    // certificate and verifies any that is sent against this CA.
    bool configureServer(SSL_CTX &context, const Credential &server) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace demo
