/* allocation-probe.so: see allocation_probe.h. Forwards to glibc's own allocator entry points. */
#include "allocation_probe.h"

#include <errno.h>
#include <execinfo.h>
#include <stddef.h>
#include <unistd.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

/* initial-exec: a preloaded library gets static TLS, and reading it must not allocate. */
static __thread int armed __attribute__((tls_model("initial-exec")));
static __thread unsigned long calls __attribute__((tls_model("initial-exec")));
static __thread int tracing __attribute__((tls_model("initial-exec")));

#define EXPORT __attribute__((visibility("default")))

/* Each counted call's stack goes to stderr, so a failing test shows who allocated. */
static void count(void) {
    if (!armed || tracing) {
        return;
    }
    calls++;
    tracing = 1;
    void *frames[32];
    int n = backtrace(frames, 32);
    static const char header[] = "allocation on an armed thread:\n";
    if (write(2, header, sizeof header - 1) > 0) {
        backtrace_symbols_fd(frames, n, 2);
    }
    tracing = 0;
}

EXPORT void allocation_probe_arm(int on) {
    armed = on;
    if (on) {
        calls = 0;
    }
}

EXPORT unsigned long allocation_probe_count(void) {
    return calls;
}

EXPORT void *malloc(size_t size) {
    count();
    return __libc_malloc(size);
}

EXPORT void *calloc(size_t n, size_t size) {
    count();
    return __libc_calloc(n, size);
}

EXPORT void *realloc(void *p, size_t size) {
    count();
    return __libc_realloc(p, size);
}

EXPORT void *memalign(size_t alignment, size_t size) {
    count();
    return __libc_memalign(alignment, size);
}

EXPORT void *aligned_alloc(size_t alignment, size_t size) {
    count();
    return __libc_memalign(alignment, size);
}

EXPORT int posix_memalign(void **out, size_t alignment, size_t size) {
    count();
    void *p = __libc_memalign(alignment, size);
    if (p == NULL) {
        return ENOMEM;
    }
    *out = p;
    return 0;
}

EXPORT void *valloc(size_t size) {
    count();
    return __libc_valloc(size);
}

EXPORT void *pvalloc(size_t size) {
    count();
    return __libc_pvalloc(size);
}
