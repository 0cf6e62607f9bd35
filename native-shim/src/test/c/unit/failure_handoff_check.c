/* ThreadSanitizer check of the process-failure hand-off: an "audio" thread fails on every block and offers
 * each failure like send_records() does, while a "host" thread takes and frees them like
 * component_report_process_failures() does. Built with -fsanitize=thread, so any data race aborts with a
 * report; the counts prove that nothing is lost or freed twice. */
#include "failure_handoff.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

enum { BLOCKS = 200000 };

static failure_handoff handoff;
static atomic_int audio_done;
static atomic_long freed;   /* references freed by either side */
static atomic_long kept;    /* references created by the audio thread */
static long counted_by_host;

static void *audio_thread(void *arg) {
    (void)arg;
    for (int i = 0; i < BLOCKS; i++) {
        if (failure_handoff_count(&handoff)) {
            int *ref = malloc(sizeof *ref); /* stands for NewGlobalRef */
            *ref = i;
            atomic_fetch_add(&kept, 1);
            if (failure_handoff_offer(&handoff, ref) != 0) {
                free(ref);
                atomic_fetch_add(&freed, 1);
            }
        }
    }
    atomic_store(&audio_done, 1);
    return NULL;
}

static void take_once(void) {
    unsigned count;
    int *first = failure_handoff_take(&handoff, &count);
    counted_by_host += count;
    if (first != NULL) {
        if (*first < 0 || *first >= BLOCKS) {
            printf("FAIL the taken failure is not one the audio thread made\n");
            exit(1);
        }
        free(first);
        atomic_fetch_add(&freed, 1);
    }
}

int main(void) {
    failure_handoff_init(&handoff);
    pthread_t audio;
    pthread_create(&audio, NULL, audio_thread, NULL);
    while (!atomic_load(&audio_done)) {
        take_once();
    }
    pthread_join(audio, NULL);
    take_once();
    int failed = 0;
    if (counted_by_host != BLOCKS) {
        printf("FAIL host counted %ld failures, audio thread had %d\n", counted_by_host, BLOCKS);
        failed++;
    }
    if (atomic_load(&kept) != atomic_load(&freed)) {
        printf("FAIL %ld references kept, %ld freed\n", atomic_load(&kept), atomic_load(&freed));
        failed++;
    }
    printf("%s: %d check(s) failed (%ld failures kept and handed over)\n", failed ? "FAILED" : "PASSED", failed,
           atomic_load(&kept));
    return failed ? 1 : 0;
}
