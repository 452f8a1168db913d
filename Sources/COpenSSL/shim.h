// The system's OpenSSL (Debian: libssl-dev) for the SMTP client's TLS. The inline
// functions stand in for OpenSSL macros, which Swift cannot call.
#ifndef VETTED_COPENSSL_SHIM_H
#define VETTED_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

static inline long vetted_ssl_set_sni(SSL *ssl, const char *name) { return SSL_set_tlsext_host_name(ssl, name); }
static inline int vetted_ssl_ctx_min_tls12(SSL_CTX *ctx) { return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); }
#endif
