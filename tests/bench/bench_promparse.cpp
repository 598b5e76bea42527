// Throughput of the Prometheus text parser on one core: reads a file into memory, then feeds it
// in 64 KiB chunks (as a network reply arrives) to a visitor that touches every sample, several
// times. Prints MB/s of wall and CPU time. scripts/bench-promparse runs promtool next to it.
#include "kubeapi/promtext/promparser.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

class SummingVisitor final : public kube::PromVisitor
{
public:
    void onSample(const kube::PromFamilyView &family, const kube::PromSampleView &sample) override
    {
        (void)family;
        ++samples;
        labels += sample.labels.size();
        sum += sample.value; // keeps the value conversion from being optimised away
    }
    std::size_t samples = 0;
    std::size_t labels = 0;
    double sum = 0;
};

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    const std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const double mb = double(body.size()) / 1e6;
    constexpr std::size_t chunk = 64 * 1024;

    std::vector<double> wall;
    std::vector<double> cpu;
    SummingVisitor last;
    for (int r = 0; r < runs; ++r) {
        SummingVisitor visitor;
        kube::PromParser parser(visitor, kube::PromFormat::Text004);
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpuSeconds();
        bool ok = true;
        for (std::size_t pos = 0; ok && pos < body.size(); pos += chunk)
            ok = parser.feed(std::string_view(body).substr(pos, chunk));
        ok = ok && parser.finish();
        const double c1 = cpuSeconds();
        const auto t1 = std::chrono::steady_clock::now();
        if (!ok) {
            std::fprintf(stderr, "parse error %llu:%llu %s\n",
                         static_cast<unsigned long long>(parser.error().line),
                         static_cast<unsigned long long>(parser.error().column),
                         parser.error().message.c_str());
            return 1;
        }
        wall.push_back(std::chrono::duration<double>(t1 - t0).count());
        cpu.push_back(c1 - c0);
        last = visitor;
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    const double medianWall = wall[wall.size() / 2];
    const double medianCpu = cpu[cpu.size() / 2];
    std::printf("klarsicht PromParser: %.1f MB, %zu samples, %zu labels, %d runs\n", mb,
                last.samples, last.labels, runs);
    std::printf("klarsicht PromParser: median wall %.3f s = %.0f MB/s, CPU %.3f s = %.0f MB/s "
                "(best wall %.3f s = %.0f MB/s)\n",
                medianWall, mb / medianWall, medianCpu, mb / medianCpu, wall.front(),
                mb / wall.front());
    return 0;
}
