#include "democluster/pki.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace demo {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertDeleter
{
    void operator()(X509 *c) const { X509_free(c); }
};
struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Cert = std::unique_ptr<X509, CertDeleter>;
using Bio = std::unique_ptr<BIO, BioDeleter>;

void check(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(std::string("certificate generation failed: ") + what);
}

Key newKey()
{
    // P-256 keys: generated in microseconds, accepted by Go, Python and OpenSSL clients.
    Key key(EVP_EC_gen("P-256"));
    check(key != nullptr, "EC key");
    return key;
}

void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    check(ext != nullptr, "extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

Cert newCert(EVP_PKEY *key, X509_NAME *subject, X509 *issuer, EVP_PKEY *issuerKey, bool isCa)
{
    Cert cert(X509_new());
    check(cert != nullptr, "X509_new");
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_set_subject_name(cert.get(), subject);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    if (isCa) {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), signer, NID_key_usage,
                     "critical,keyCertSign,cRLSign,digitalSignature");
    } else {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), signer, NID_key_usage,
                     "critical,digitalSignature,keyEncipherment");
    }
    addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    check(X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) > 0, "sign");
    return cert;
}

std::string certPem(X509 *cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

std::string keyPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

void addNameEntry(X509_NAME *name, const char *field, const std::string &value)
{
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(value.c_str()), -1, -1, 0);
}

} // namespace

struct Pki::Impl
{
    Key caKey;
    Cert caCert;
    std::string caPem;

    Credential issue(X509_NAME *subject, const char *san, const char *extendedUsage) const
    {
        Key key = newKey();
        Cert cert = newCert(key.get(), subject, caCert.get(), caKey.get(), false);
        // Extensions after signing would void the signature, so re-sign with them in place.
        addExtension(cert.get(), caCert.get(), NID_ext_key_usage, extendedUsage);
        addExtension(cert.get(), caCert.get(), NID_authority_key_identifier, "keyid:always");
        if (san)
            addExtension(cert.get(), caCert.get(), NID_subject_alt_name, san);
        check(X509_sign(cert.get(), caKey.get(), EVP_sha256()) > 0, "sign");
        return {certPem(cert.get()), keyPem(key.get())};
    }
};

Pki::Pki()
    : d(std::make_unique<Impl>())
{
    d->caKey = newKey();
    X509_NAME *name = X509_NAME_new();
    addNameEntry(name, "CN", "klarsicht-demo-ca");
    d->caCert = newCert(d->caKey.get(), name, nullptr, nullptr, true);
    X509_NAME_free(name);
    d->caPem = certPem(d->caCert.get());
}

Pki::~Pki() = default;

const std::string &Pki::caPem() const
{
    return d->caPem;
}

Credential Pki::issueServer() const
{
    X509_NAME *name = X509_NAME_new();
    addNameEntry(name, "CN", "kube-apiserver");
    Credential c = d->issue(name, "IP:127.0.0.1,DNS:localhost", "serverAuth");
    X509_NAME_free(name);
    return c;
}

Credential Pki::issueClient(const std::string &user, const std::vector<std::string> &groups) const
{
    X509_NAME *name = X509_NAME_new();
    for (const std::string &group : groups)
        addNameEntry(name, "O", group);
    addNameEntry(name, "CN", user);
    Credential c = d->issue(name, nullptr, "clientAuth");
    X509_NAME_free(name);
    return c;
}

bool Pki::configureServer(SSL_CTX &context, const Credential &server) const
{
    Bio certBio(BIO_new_mem_buf(server.certificatePem.data(),
                                static_cast<int>(server.certificatePem.size())));
    Cert cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    Bio keyBio(BIO_new_mem_buf(server.keyPem.data(), static_cast<int>(server.keyPem.size())));
    Key key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    if (!cert || !key)
        return false;
    if (SSL_CTX_use_certificate(&context, cert.get()) != 1
        || SSL_CTX_use_PrivateKey(&context, key.get()) != 1)
        return false;
    X509_STORE *store = SSL_CTX_get_cert_store(&context);
    X509_STORE_add_cert(store, d->caCert.get());
    SSL_CTX_add_client_CA(&context, d->caCert.get());
    // Token users send no certificate, so verify when present but never require one.
    SSL_CTX_set_verify(&context, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_min_proto_version(&context, TLS1_2_VERSION);
    return true;
}

} // namespace demo
