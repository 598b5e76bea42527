// libFuzzer target for the two remaining parsers of user input: kubeconfig (YAML through
// yaml-cpp, then our field checks and merge) and resource quantities. The first byte picks:
//   even: the rest is a kubeconfig file, loaded with Kubeconfig::loadFiles as `--kubeconfig`
//         would; it must load or give an error naming the file, never crash, and a loaded one
//         must list consistent contexts. Contexts are not resolved: resolving may run exec plugins.
//   odd:  the rest is a quantity; a parsed quantity's canonical text must parse again to the
//         same canonical text (kubectl's canonical form is a fixed point).
#include "kubeapi/config/kubeconfig.h"
#include "kubeapi/objects/quantity.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

using namespace kube;

namespace {

// The kubeconfig is read from a file: an in-memory one, rewritten for every input.
int memoryFile()
{
    static const int fd = ::memfd_create("kubeconfig", 0);
    return fd;
}

void fuzzKubeconfig(const std::uint8_t *data, std::size_t size)
{
    const int fd = memoryFile();
    if (fd < 0 || ::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != ssize_t(size))
        std::abort();
    const QString path = QStringLiteral("/proc/self/fd/%1").arg(fd);
    QString error;
    const auto config = Kubeconfig::loadFiles({path}, true, &error);
    if (!config) {
        if (!error.contains(path)) {
            std::fprintf(stderr, "error without the file name: %s\n", qPrintable(error));
            std::abort();
        }
        return;
    }
    if (!error.isEmpty()) {
        std::fprintf(stderr, "loaded, yet an error: %s\n", qPrintable(error));
        std::abort();
    }
    std::size_t bytes = config->currentContext().size();
    for (const KubeconfigContext &c : config->contexts())
        bytes += c.name.size() + c.cluster.size() + c.user.size() + c.namespaceName.size();
    if (bytes == std::size_t(-1))
        std::abort(); // keeps the reads
}

void fuzzQuantity(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto q = Quantity::parse(text, &error);
    if (!q) {
        if (error.isEmpty()) {
            std::fprintf(stderr, "rejected without a reason\n");
            std::abort();
        }
        return;
    }
    const QString canonical = q->toString();
    const auto again = Quantity::parse(canonical, &error);
    if (!again || again->toString() != canonical) {
        std::fprintf(stderr, "canonical form %s of %s does not parse back to itself (%s)\n",
                     qPrintable(canonical), qPrintable(text),
                     again ? qPrintable(again->toString()) : qPrintable(error));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 2 == 0)
        fuzzKubeconfig(data + 1, size - 1);
    else
        fuzzQuantity(data + 1, size - 1);
    return 0;
}
