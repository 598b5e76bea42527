#include <cstdio>

int main()
{
    std::fputs("klarsicht-demo-cluster: the server is being built (issue 3).\n", stderr);
    return 2;
}
