/* See failure_handoff.h: one writer of each transition, so every step is a single atomic operation. */
#include "failure_handoff.h"

#include <stddef.h>

void failure_handoff_init(failure_handoff *h) {
    atomic_init(&h->first, NULL);
    atomic_init(&h->count, 0);
}

int failure_handoff_count(failure_handoff *h) {
    atomic_fetch_add(&h->count, 1);
    return atomic_load(&h->first) == NULL;
}

int failure_handoff_offer(failure_handoff *h, void *failure) {
    void *expected = NULL;
    return atomic_compare_exchange_strong(&h->first, &expected, failure) ? 0 : 1;
}

void *failure_handoff_take(failure_handoff *h, unsigned *count) {
    *count = atomic_exchange(&h->count, 0);
    return atomic_exchange(&h->first, NULL);
}
