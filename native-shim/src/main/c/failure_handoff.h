/* The hand-off of process()'s first failure from the audio thread to the host's main thread.
 *
 * process() may not log, so a Java exception thrown there is kept (a JNI global reference) and counted,
 * and the host thread reports it later (setActive(false), terminate). The two threads share only these
 * atomics: the audio thread offers, the host thread takes; whoever ends up holding the reference frees it.
 * The slot holds an opaque pointer so that the hand-off itself needs no JVM and is checked on its own
 * under ThreadSanitizer (src/test/c/unit/failure_handoff_check.c). */
#ifndef HAPTIC_FAILURE_HANDOFF_H
#define HAPTIC_FAILURE_HANDOFF_H

#include <stdatomic.h>

typedef struct {
    _Atomic(void *) first; /* the first failure not yet taken, or NULL */
    atomic_uint count;     /* failures since the last take, including those not kept */
} failure_handoff;

/* The thread that creates the component, before any other thread can see it. */
void failure_handoff_init(failure_handoff *h);

/* Audio thread: counts one failure. Returns 1 if the caller should keep it (nothing is kept yet): it then
 * calls failure_handoff_offer with its reference. */
int failure_handoff_count(failure_handoff *h);

/* Audio thread: offers the kept failure. Returns 0 if it was stored (the hand-off owns it now), else 1: a
 * failure was stored meanwhile and the caller frees its own reference. Lock-free, never blocks. */
int failure_handoff_offer(failure_handoff *h, void *failure);

/* Host thread: takes the stored failure (or NULL) and the count since the last take; the caller owns and
 * frees what it gets. */
void *failure_handoff_take(failure_handoff *h, unsigned *count);

#endif
