// libFuzzer target for the Kubernetes decoders and the JSON parser under them. Besides "no crash,
// no sanitizer report", nlohmann::json::accept is the referee on what is JSON: our parser must
// accept exactly what it accepts, except bytes that are not UTF-8 (we take them as they come and
// leave the replacement to QString::fromUtf8), nesting beyond our depth limit, and numbers beyond
// the range of a double, which nlohmann rejects and we pass on to the decoders (which reject them
// where a number is expected, as kubectl's Go decoder does).
#include "kubeapi/objects/decoders.h"
#include "kubeapi/objects/jsonview.h"
#include "kubeapi/objects/stringpool.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

bool validUtf8(const unsigned char *p, std::size_t n)
{
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        std::size_t more = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            more = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            more = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            more = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + more >= n)
            return false;
        for (std::size_t k = 1; k <= more; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[more] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += more + 1;
    }
    return true;
}

template<typename T>
void decodeAll(QByteArrayView bytes, kube::StringPool *pool)
{
    (void)kube::decodeObject<T>(bytes, pool);
    (void)kube::decodeList<T>(bytes, pool);
    (void)kube::decodeWatchEvent<T>(bytes, pool);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the kind; the rest is the body.
    const std::uint8_t selector = data[0];
    const QByteArrayView body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    kube::JsonParser parser;
    const bool ours = parser.parseDocument(body) != nullptr;
    const bool theirs = nlohmann::json::accept(body.begin(), body.end());
    if (ours != theirs) {
        const bool deep = parser.error().contains(QLatin1String("nested too deeply"));
        const bool utf8 = validUtf8(data + 1, size - 1);
        bool overflow = false;
        if (ours) {
            try {
                (void)nlohmann::json::parse(body.begin(), body.end());
            } catch (const nlohmann::json::exception &e) {
                overflow = std::string_view(e.what()).find("number overflow")
                           != std::string_view::npos;
            }
        }
        if (!(theirs && deep) && !(ours && !utf8) && !(ours && overflow)) {
            std::fprintf(stderr, "parser verdict %d, nlohmann %d: %s\n", ours, theirs,
                         qPrintable(parser.error()));
            std::abort();
        }
    }

    kube::StringPool pool;
    switch (selector % 9) {
    case 0:
        decodeAll<kube::Pod>(body, &pool);
        break;
    case 1:
        decodeAll<kube::Node>(body, &pool);
        break;
    case 2:
        decodeAll<kube::Deployment>(body, nullptr);
        break;
    case 3:
        decodeAll<kube::Event>(body, &pool);
        break;
    case 4:
        decodeAll<kube::Service>(body, nullptr);
        break;
    case 5:
        decodeAll<kube::ResourceQuota>(body, &pool);
        break;
    case 6:
        decodeAll<kube::LimitRange>(body, &pool);
        break;
    case 7:
        decodeAll<kube::NetworkPolicy>(body, &pool);
        break;
    default:
        decodeAll<kube::PodMetrics>(body, &pool);
        break;
    }
    (void)kube::looksLikeStatus(body);
    return 0;
}
