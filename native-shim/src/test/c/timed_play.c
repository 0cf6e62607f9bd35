/* The timing performance of the C test host: notes at known sample offsets inside blocks of any size,
 * process() called at deliberately jittered moments, with or without the host's system time. */
#include "timed_play.h"
#include "host_objects.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TIMED_RATE 48000.0
#define TIMED_CHANNEL 0
#define TIMED_PITCH 60
#define TIMED_VELOCITY 0.8f

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void sleep_until(int64_t at) {
    struct timespec t = {(time_t)(at / 1000000000), (long)(at % 1000000000)};
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL);
}

/* The id of the parameter titled `title`, or -1. */
static int64_t parameter_id(vst_edit_controller *c, const char *title) {
    int32_t n = c->vtbl->get_parameter_count(c);
    for (int32_t i = 0; i < n; i++) {
        vst_parameter_info info;
        if (c->vtbl->get_parameter_info(c, i, &info) != VST_OK) {
            continue;
        }
        size_t k = 0;
        while (title[k] != '\0' && info.title[k] == (vst_char16)(unsigned char)title[k]) {
            k++;
        }
        if (title[k] == '\0' && info.title[k] == 0) {
            return info.id;
        }
    }
    return -1;
}

/* Note i starts at this frame: the base spacing plus an offset that walks through every position of a block. */
static int64_t note_start(const timed_options *o, int i) {
    return (int64_t)o->lead_in_blocks * o->block + (int64_t)i * o->ioi_frames + ((int64_t)i * 7919) % o->block;
}

/* Every note lasts o->note_frames except the last, ten times as long: the reference for level and length. */
static int note_length(const timed_options *o, int i) {
    return i == o->notes - 1 ? 10 * o->note_frames : o->note_frames;
}

/* A uniform draw in [-half, half] from a fixed-seed generator, so runs are repeatable. */
static int64_t jitter_ns(uint64_t *state, int64_t half) {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    double u = (double)(*state >> 11) / (double)(1ULL << 53);
    return (int64_t)((2.0 * u - 1.0) * (double)half);
}

int timed_play(vst_audio_processor *processor, vst_edit_controller *controller, const timed_options *o) {
    int failed = 0;
    float *left = calloc((size_t)o->block, sizeof(float));
    float *right = calloc((size_t)o->block, sizeof(float));
    host_event_list *events = malloc(sizeof *events);
    host_param_changes *changes = malloc(sizeof *changes);
    if (left == NULL || right == NULL || events == NULL || changes == NULL) {
        printf("FAIL timed-play: out of memory\n");
        free(left), free(right), free(events), free(changes);
        return 1;
    }
    float *channels[2] = {left, right};
    vst_audio_bus_buffers bus;
    memset(&bus, 0, sizeof bus);
    bus.num_channels = 2;
    bus.u.channel_buffers32 = channels;
    host_event_list_init(events);
    host_param_changes_init(changes);
    vst_process_context context;
    memset(&context, 0, sizeof context);
    context.sample_rate = TIMED_RATE;
    vst_process_data data;
    memset(&data, 0, sizeof data);
    data.process_mode = VST_PROCESS_REALTIME;
    data.symbolic_sample_size = VST_SAMPLE_32;
    data.num_samples = o->block;
    data.num_outputs = 1;
    data.outputs = &bus;
    data.input_events = &events->iface;
    data.input_parameter_changes = &changes->iface;
    data.process_context = &context;

    int64_t attack = parameter_id(controller, "Attack");
    int64_t release = parameter_id(controller, "Release");
    if (attack < 0 || release < 0) {
        printf("FAIL timed-play: no Attack/Release parameters\n");
        failed++;
    }
    int64_t last_frame = note_start(o, o->notes - 1) + note_length(o, o->notes - 1);
    int total = (int)(last_frame / o->block) + 1 + (int)(0.3 * TIMED_RATE / o->block);
    int64_t block_ns = (int64_t)(o->block * 1e9 / TIMED_RATE);
    uint64_t seed = 0x9E3779B97F4A7C15ULL ^ (uint64_t)o->block;
    int64_t t0 = now_ns() + 20000000;
    int64_t previous_call = 0;
    int bad = 0;
    int next_on = 0;
    int next_off = 0;
    for (int b = 0; b < total; b++) {
        int64_t first = (int64_t)b * o->block;
        int64_t end = first + o->block;
        host_event_list_clear(events);
        host_param_changes_clear(changes);
        if (b == 0 && attack >= 0 && release >= 0) {
            host_param_changes_point(changes, (vst_param_id)attack, 0, 0.0);
            host_param_changes_point(changes, (vst_param_id)release, 0, 0.0);
        }
        /* NoteOns and NoteOffs of this block in sample order (a NoteOff may share the block with its NoteOn). */
        int printed_from = next_on;
        for (;;) {
            int64_t on = next_on < o->notes ? note_start(o, next_on) : INT64_MAX;
            int64_t off = next_off < next_on ? note_start(o, next_off) + note_length(o, next_off) : INT64_MAX;
            if (off <= on && off < end) {
                vst_event e;
                memset(&e, 0, sizeof e);
                e.type = VST_EVENT_NOTE_OFF;
                e.sample_offset = (int32_t)(off - first);
                e.u.note_off = (vst_note_off_event){TIMED_CHANNEL, TIMED_PITCH, 0.5f, -1, 0.0f};
                host_event_list_push(events, &e);
                next_off++;
            } else if (on < end) {
                vst_event e;
                memset(&e, 0, sizeof e);
                e.type = VST_EVENT_NOTE_ON;
                e.sample_offset = (int32_t)(on - first);
                e.u.note_on = (vst_note_on_event){TIMED_CHANNEL, TIMED_PITCH, 0.0f, TIMED_VELOCITY, 0, -1};
                host_event_list_push(events, &e);
                next_on++;
            } else {
                break;
            }
        }
        int64_t ideal = t0 + (int64_t)(first * 1e9 / TIMED_RATE);
        int64_t call = ideal + (o->jitter ? jitter_ns(&seed, block_ns / 2) : 0);
        if (call < previous_call) {
            call = previous_call; /* a host's calls never overtake each other */
        }
        sleep_until(call);
        previous_call = call;
        context.state = VST_CONTEXT_PLAYING | VST_CONTEXT_CONT_TIME_VALID | (o->host_time ? VST_CONTEXT_SYSTEM_TIME_VALID : 0);
        context.system_time = o->host_time ? ideal : 0;
        context.project_time_samples = first;
        context.continuous_time_samples = first;
        if (processor->vtbl->process(processor, &data) != VST_OK) {
            bad++;
        }
        for (int i = printed_from; i < next_on; i++) {
            int64_t start = note_start(o, i);
            printf("timednote %d %lld %lld %d\n", i, (long long)(t0 + (int64_t)(start * 1e9 / TIMED_RATE)),
                   (long long)start, note_length(o, i));
        }
        fflush(stdout);
    }
    printf("%s timed-play: %d blocks of %d frames, %d notes of %d frames, jitter %s, host time %s, %d failed\n",
           bad == 0 && next_off == o->notes ? "ok" : "FAIL", total, o->block, next_on, o->note_frames,
           o->jitter ? "on" : "off", o->host_time ? "on" : "off", bad);
    if (bad != 0 || next_off != o->notes) {
        failed++;
    }
    free(left), free(right), free(events), free(changes);
    return failed;
}
