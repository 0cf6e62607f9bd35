/*
 * haptic-test-host: a minimal VST3 host that drives HapticController.so through the whole plugin life cycle
 * and prints one line per step ("ok ..." or "FAIL ..."). Exit code 0 only if every step succeeded.
 *
 *   haptic-test-host [options] <HapticController.vst3 | path/to/HapticController.so>
 *     --notes N         notes to play (default 8)
 *     --hold-blocks N   blocks each note is held (default 20)
 *     --gap-blocks N    blocks between a note's release and the next note (default 20)
 *     --lead-in-blocks N  blocks before the first note (default 10; the plugin connects to its server
 *                       meanwhile), the first 10 of which automate a parameter
 *     --burst N         N poly-pressure events for a key that is not playing ahead of each NoteOn, in the
 *                       same block: more than the plugin's Java buffer holds makes it deliver in batches
 *     --realtime        pace blocks at 64 frames / 48 kHz instead of as fast as possible
 *     --expect-no-jvm   the plugin must refuse createInstance cleanly (no Java available)
 *     --preload-jvm LIB start a JVM from libjvm.so LIB before loading the plugin, as another plugin in the
 *                       same host would; the plugin must share it (its classes come in through their own
 *                       class loader, since that JVM's classpath lacks them)
 *
 * Run with LD_PRELOAD=allocation-probe.so, it also counts the malloc family calls on the audio thread during
 * process() once the second half of the notes plays (the first half warms up the JVM and the thread).
 *
 * Each NoteOn block prints "noteon <CLOCK_MONOTONIC ns before process()> <channel> <pitch> <bend> <timbre>",
 * bend and timbre being the normalized pitch-bend and CC74 values sent on the note's channel just before.
 */
#include "allocation_probe.h"
#include "host_objects.h"
#include "timed_play.h"
#include "vst3_abi.h"

#include <dlfcn.h>
#include <jni.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define SAMPLE_RATE 48000.0
#define BLOCK 64
#define AUTOMATION_BLOCKS 10
#define TAIL_BLOCKS 10
#define FIRST_NOTE_ID 100
#define NOTE_OFFSET 16
#define CHANNELS 16

typedef struct {
    int notes;
    int hold_blocks;
    int gap_blocks;
    int lead_in_blocks;
    int burst;
    bool realtime;
    bool expect_no_jvm;
    const char *preload_jvm;
    const char *target;
    timed_options timed; /* timed.block > 0: play the timing performance instead */
} options;

typedef struct {
    vst_component *component;
    vst_audio_processor *processor;
    vst_edit_controller *controller;
    vst_midi_mapping *mapping;
} instance;

typedef struct {
    vst_param_id bend[CHANNELS];
    vst_param_id pressure[CHANNELS];
    vst_param_id timbre[CHANNELS];
} midi_ids;

typedef bool (*module_entry_fn)(void *);
typedef bool (*module_exit_fn)(void);
typedef vst_plugin_factory *(*get_factory_fn)(void);

static int failures;

static void step(bool ok, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void step(bool ok, const char *name, const char *fmt, ...) {
    char detail[512];
    va_list args;
    va_start(args, fmt);
    vsnprintf(detail, sizeof detail, fmt, args);
    va_end(args);
    printf("%s %s: %s\n", ok ? "ok" : "FAIL", name, detail);
    fflush(stdout);
    if (!ok) {
        failures++;
    }
}

static int64_t monotonic_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void ascii(char *out, size_t size, const vst_char16 *s) {
    size_t n = 0;
    for (; s[n] != 0 && n + 1 < size; n++) {
        out[n] = s[n] < 0x80 ? (char)s[n] : '?';
    }
    out[n] = '\0';
}

static void hex_uid(char *out, const char *uid) {
    for (int i = 0; i < 16; i++) {
        sprintf(out + 2 * i, "%02X", (unsigned char)uid[i]);
    }
}

static int parse_options(int argc, char **argv, options *o) {
    *o = (options){.notes = 8, .hold_blocks = 20, .gap_blocks = 20, .lead_in_blocks = AUTOMATION_BLOCKS};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--notes") == 0 && i + 1 < argc) {
            o->notes = atoi(argv[++i]);
        } else if (strcmp(a, "--hold-blocks") == 0 && i + 1 < argc) {
            o->hold_blocks = atoi(argv[++i]);
        } else if (strcmp(a, "--gap-blocks") == 0 && i + 1 < argc) {
            o->gap_blocks = atoi(argv[++i]);
        } else if (strcmp(a, "--lead-in-blocks") == 0 && i + 1 < argc) {
            o->lead_in_blocks = atoi(argv[++i]);
        } else if (strcmp(a, "--burst") == 0 && i + 1 < argc) {
            o->burst = atoi(argv[++i]);
        } else if (strcmp(a, "--realtime") == 0) {
            o->realtime = true;
        } else if (strcmp(a, "--expect-no-jvm") == 0) {
            o->expect_no_jvm = true;
        } else if (strcmp(a, "--timed-block") == 0 && i + 1 < argc) {
            o->timed.block = atoi(argv[++i]);
        } else if (strcmp(a, "--timed-notes") == 0 && i + 1 < argc) {
            o->timed.notes = atoi(argv[++i]);
        } else if (strcmp(a, "--timed-ioi") == 0 && i + 1 < argc) {
            o->timed.ioi_frames = atoi(argv[++i]);
        } else if (strcmp(a, "--timed-length") == 0 && i + 1 < argc) {
            o->timed.note_frames = atoi(argv[++i]);
        } else if (strcmp(a, "--timed-lead-in") == 0 && i + 1 < argc) {
            o->timed.lead_in_blocks = atoi(argv[++i]);
        } else if (strcmp(a, "--jitter") == 0) {
            o->timed.jitter = true;
        } else if (strcmp(a, "--host-time") == 0) {
            o->timed.host_time = true;
        } else if (strcmp(a, "--preload-jvm") == 0 && i + 1 < argc) {
            o->preload_jvm = argv[++i];
        } else if (a[0] != '-' && o->target == NULL) {
            o->target = a;
        } else {
            return -1;
        }
    }
    if (o->target == NULL || o->notes < 0 || o->hold_blocks < 1 || o->gap_blocks < 1
        || o->lead_in_blocks < AUTOMATION_BLOCKS || o->burst < 0 || o->burst > HOST_MAX_EVENTS - 4) {
        return -1;
    }
    if (o->timed.block != 0 && (o->timed.block < 1 || o->timed.block > 8192 || o->timed.notes < 1
        || o->timed.ioi_frames < 1 || o->timed.note_frames < 1 || o->timed.lead_in_blocks < 1)) {
        return -1;
    }
    return 0;
}

/* A bundle directory means its Linux binary; anything else is taken as the .so itself. */
static void library_path(char *out, size_t size, const char *target) {
    struct stat st;
    if (stat(target, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(out, size, "%s/Contents/x86_64-linux/HapticController.so", target);
    } else {
        snprintf(out, size, "%s", target);
    }
}

/* A JVM of the host's own, without the plugin's jars, started before the plugin is loaded. */
static bool preload_jvm(const char *libjvm) {
    void *lib = dlopen(libjvm, RTLD_NOW | RTLD_LOCAL);
    typedef jint (*create_fn)(JavaVM **, void **, void *);
    create_fn create = lib != NULL ? (create_fn)dlsym(lib, "JNI_CreateJavaVM") : NULL;
    if (create == NULL) {
        step(false, "preload-jvm", "cannot load %s: %s", libjvm, dlerror());
        return false;
    }
    JavaVMOption options[] = {{"-Xrs", NULL}, {"-Xmx64m", NULL}};
    JavaVMInitArgs args = {JNI_VERSION_1_8, 2, options, JNI_FALSE};
    JavaVM *vm = NULL;
    JNIEnv *env = NULL;
    jint rc = create(&vm, (void **)&env, &args);
    step(rc == JNI_OK, "preload-jvm", "JNI_CreateJavaVM from %s: %d", libjvm, (int)rc);
    return rc == JNI_OK;
}

/* ---- factory ---------------------------------------------------------------------------------- */

static bool walk_classes(vst_plugin_factory *factory, char *component_cid) {
    vst_factory_info info;
    tresult r = factory->vtbl->get_factory_info(factory, &info);
    step(r == VST_OK && (info.flags & VST_FACTORY_UNICODE), "factory-info", "vendor \"%s\" flags %d", info.vendor,
         info.flags);
    vst_plugin_factory *f3 = NULL;
    r = factory->vtbl->query_interface(factory, VST_IID_PLUGIN_FACTORY3, (void **)&f3);
    step(r == VST_OK && f3 != NULL, "factory3", "IPluginFactory3 %s", r == VST_OK ? "present" : "missing");
    if (f3 == NULL) {
        return false;
    }
    int32_t count = factory->vtbl->count_classes(factory);
    bool found = false;
    for (int32_t i = 0; i < count; i++) {
        vst_class_info c1;
        vst_class_info2 c2;
        vst_class_info_w cw;
        bool ok = factory->vtbl->get_class_info(factory, i, &c1) == VST_OK
                  && f3->vtbl->get_class_info2(f3, i, &c2) == VST_OK
                  && f3->vtbl->get_class_info_unicode(f3, i, &cw) == VST_OK;
        char uid[33];
        char wide_name[64];
        hex_uid(uid, c1.cid);
        ascii(wide_name, sizeof wide_name, cw.name);
        ok = ok && memcmp(c1.cid, c2.cid, 16) == 0 && memcmp(c1.cid, cw.cid, 16) == 0
             && strcmp(c1.name, wide_name) == 0;
        step(ok, "class", "%d: %s \"%s\" category \"%s\" subcategories \"%s\" vendor \"%s\" version \"%s\" sdk \"%s\"",
             i, uid, c1.name, c1.category, c2.sub_categories, c2.vendor, c2.version, c2.sdk_version);
        if (ok && strcmp(c1.category, "Audio Module Class") == 0 && !found) {
            memcpy(component_cid, c1.cid, 16);
            found = true;
        }
    }
    step(found, "audio-module-class", "%d class(es)", count);
    f3->vtbl->release(f3);
    return found;
}

/* ---- instance set-up -------------------------------------------------------------------------- */

static bool query_interfaces(instance *in) {
    vst_component *c = in->component;
    tresult rp = c->vtbl->query_interface(c, VST_IID_AUDIO_PROCESSOR, (void **)&in->processor);
    tresult rc = c->vtbl->query_interface(c, VST_IID_EDIT_CONTROLLER, (void **)&in->controller);
    step(rp == VST_OK && rc == VST_OK, "interfaces", "IAudioProcessor %d, IEditController %d (single component)",
         rp, rc);
    if (in->controller == NULL || in->processor == NULL) {
        return false;
    }
    tresult rm = in->controller->vtbl->query_interface(in->controller, VST_IID_MIDI_MAPPING, (void **)&in->mapping);
    step(rm == VST_OK, "midi-mapping-interface", "IMidiMapping %d", rm);
    void *none = (void *)1;
    tresult rn = c->vtbl->query_interface(c, VST_IID_HOST_APPLICATION, &none);
    step(rn == VST_NO_INTERFACE && none == NULL, "unknown-interface", "queryInterface(IHostApplication) = %d", rn);
    vst_funknown *same = NULL;
    in->processor->vtbl->query_interface(in->processor, VST_IID_FUNKNOWN, (void **)&same);
    step(same == (vst_funknown *)c, "identity", "FUnknown from IAudioProcessor is the component");
    if (same != NULL) {
        same->vtbl->release(same);
    }
    return in->mapping != NULL;
}

static bool check_busses(instance *in) {
    vst_component *c = in->component;
    vst_bus_info bus;
    int32_t events = c->vtbl->get_bus_count(c, VST_MEDIA_EVENT, VST_BUS_INPUT);
    int32_t audio_out = c->vtbl->get_bus_count(c, VST_MEDIA_AUDIO, VST_BUS_OUTPUT);
    int32_t audio_in = c->vtbl->get_bus_count(c, VST_MEDIA_AUDIO, VST_BUS_INPUT);
    char name[128] = "";
    tresult r = c->vtbl->get_bus_info(c, VST_MEDIA_EVENT, VST_BUS_INPUT, 0, &bus);
    ascii(name, sizeof name, bus.name);
    step(events == 1 && r == VST_OK && bus.channel_count == 16, "event-bus", "%d bus, \"%s\" with %d channels",
         events, name, bus.channel_count);
    r = c->vtbl->get_bus_info(c, VST_MEDIA_AUDIO, VST_BUS_OUTPUT, 0, &bus);
    ascii(name, sizeof name, bus.name);
    step(audio_out == 1 && audio_in == 0 && r == VST_OK && bus.channel_count == 2, "audio-bus",
         "%d output bus \"%s\" with %d channels, %d inputs", audio_out, name, bus.channel_count, audio_in);
    tresult a1 = c->vtbl->activate_bus(c, VST_MEDIA_EVENT, VST_BUS_INPUT, 0, 1);
    tresult a2 = c->vtbl->activate_bus(c, VST_MEDIA_AUDIO, VST_BUS_OUTPUT, 0, 1);
    step(a1 == VST_OK && a2 == VST_OK, "activate-bus", "event %d, audio %d", a1, a2);
    vst_speaker_arrangement stereo = VST_SPEAKER_STEREO;
    vst_speaker_arrangement mono = 1;
    tresult s1 = in->processor->vtbl->set_bus_arrangements(in->processor, NULL, 0, &stereo, 1);
    tresult s2 = in->processor->vtbl->set_bus_arrangements(in->processor, NULL, 0, &mono, 1);
    vst_speaker_arrangement got = 0;
    tresult g = in->processor->vtbl->get_bus_arrangement(in->processor, VST_BUS_OUTPUT, 0, &got);
    step(s1 == VST_OK && s2 != VST_OK && g == VST_OK && got == VST_SPEAKER_STEREO, "bus-arrangement",
         "stereo %d, mono refused %d, current 0x%llx", s1, s2, (unsigned long long)got);
    tresult p32 = in->processor->vtbl->can_process_sample_size(in->processor, VST_SAMPLE_32);
    step(p32 == VST_OK, "sample-size", "32-bit %d", p32);
    return true;
}

/* Lists the parameters; returns the id of "Release" (else the first automatable one) in *automated. */
static bool list_parameters(instance *in, vst_param_id *automated) {
    vst_edit_controller *e = in->controller;
    int32_t count = e->vtbl->get_parameter_count(e);
    int automatable = 0;
    bool have = false;
    bool all_ok = count > 0;
    for (int32_t i = 0; i < count; i++) {
        vst_parameter_info p;
        if (e->vtbl->get_parameter_info(e, i, &p) != VST_OK) {
            step(false, "parameter-info", "index %d refused", i);
            all_ok = false;
            continue;
        }
        char title[128];
        char units[128];
        ascii(title, sizeof title, p.title);
        ascii(units, sizeof units, p.units);
        bool visible = (p.flags & VST_PARAM_CAN_AUTOMATE) && !(p.flags & VST_PARAM_HIDDEN);
        if (visible) {
            automatable++;
            printf("param %u \"%s\" [%s] steps %d default %.4f flags %d\n", p.id, title, units, p.step_count,
                   p.default_normalized_value, p.flags);
            if (strcmp(title, "Release") == 0 || !have) {
                *automated = p.id;
                have = true;
            }
        }
    }
    step(all_ok && have, "parameters", "%d parameters, %d automatable, automating id %u", count, automatable,
         have ? *automated : 0);
    return have;
}

static bool map_midi(instance *in, midi_ids *ids) {
    int mapped = 0;
    bool members = true;
    for (int16_t ch = 0; ch < CHANNELS; ch++) {
        vst_param_id bend = 0;
        vst_param_id pressure = 0;
        vst_param_id timbre = 0;
        bool b = in->mapping->vtbl->get_midi_controller_assignment(in->mapping, 0, ch, VST_CTRL_PITCH_BEND, &bend)
                 == VST_OK;
        bool p = in->mapping->vtbl->get_midi_controller_assignment(in->mapping, 0, ch, VST_CTRL_AFTER_TOUCH,
                                                                  &pressure) == VST_OK;
        bool t = in->mapping->vtbl->get_midi_controller_assignment(in->mapping, 0, ch, VST_CTRL_FILTER_RESONANCE,
                                                                  &timbre) == VST_OK;
        mapped += b + p + t;
        members = members && b && p && t;
        ids->bend[ch] = bend;
        ids->pressure[ch] = pressure;
        ids->timbre[ch] = timbre;
    }
    vst_param_id unused;
    tresult other_bus = in->mapping->vtbl->get_midi_controller_assignment(in->mapping, 1, 1, VST_CTRL_PITCH_BEND,
                                                                         &unused);
    bool distinct = ids->bend[1] != ids->bend[2] && ids->bend[1] != ids->timbre[1];
    step(members && distinct && other_bus != VST_OK, "midi-mapping",
         "%d of %d pitch bend/aftertouch/CC74 assignments on 16 channels; channel 1 bend -> %u, CC74 -> %u",
         mapped, 3 * CHANNELS, ids->bend[1], ids->timbre[1]);
    return members;
}

static void check_text_conversion(instance *in, vst_param_id id) {
    vst_edit_controller *e = in->controller;
    vst_char16 text[128] = {0};
    tresult r = e->vtbl->get_param_string_by_value(e, id, 0.5, text);
    double back = -1;
    tresult b = r == VST_OK ? e->vtbl->get_param_value_by_string(e, id, text, &back) : VST_FALSE;
    char shown[128];
    ascii(shown, sizeof shown, text);
    step(r == VST_OK && shown[0] != '\0' && b == VST_OK && fabs(back - 0.5) < 0.01, "parameter-text",
         "0.5 -> \"%s\" -> %.4f", shown, back);
    vst_char16 junk[] = {'x', 'y', 'z', 0};
    double ignored = 0;
    tresult j = e->vtbl->get_param_value_by_string(e, id, junk, &ignored);
    step(j != VST_OK, "parameter-text-junk", "\"xyz\" refused (%d)", j);
    double plain = e->vtbl->normalized_param_to_plain(e, id, 0.25);
    double norm = e->vtbl->plain_param_to_normalized(e, id, plain);
    step(fabs(norm - 0.25) < 1e-6, "parameter-plain", "0.25 -> %.6f -> %.6f", plain, norm);
}

/* The note expression types the plugin offers: tuning, brightness and pressure, each with a text form. */
static void check_note_expression(instance *in) {
    vst_note_expression_controller *x = NULL;
    tresult r = in->controller->vtbl->query_interface(in->controller, VST_IID_NOTE_EXPRESSION_CONTROLLER,
                                                      (void **)&x);
    if (r != VST_OK || x == NULL) {
        step(false, "note-expression", "INoteExpressionController %d", r);
        return;
    }
    int32_t count = x->vtbl->get_note_expression_count(x, 0, 1);
    bool tuning = false;
    bool brightness = false;
    bool pressure = false;
    for (int32_t i = 0; i < count; i++) {
        vst_note_expression_type_info info;
        if (x->vtbl->get_note_expression_info(x, 0, 1, i, &info) != VST_OK) {
            continue;
        }
        tuning |= info.type_id == VST_NOTE_EXPRESSION_TUNING && (info.flags & VST_NOTE_EXPRESSION_BIPOLAR)
                  && info.value_desc.default_value == 0.5;
        brightness |= info.type_id == VST_NOTE_EXPRESSION_BRIGHTNESS;
        pressure |= info.type_id == VST_NOTE_EXPRESSION_EXPRESSION;
    }
    vst_char16 text[128] = {0};
    tresult s = x->vtbl->get_note_expression_string_by_value(x, 0, 1, VST_NOTE_EXPRESSION_TUNING, 0.75, text);
    double back = -1;
    tresult v = x->vtbl->get_note_expression_value_by_string(x, 0, 1, VST_NOTE_EXPRESSION_TUNING, text, &back);
    char shown[128];
    ascii(shown, sizeof shown, text);
    int32_t elsewhere = x->vtbl->get_note_expression_count(x, 1, 1);
    step(tuning && brightness && pressure && s == VST_OK && v == VST_OK && fabs(back - 0.75) < 1e-6
             && elsewhere == 0,
         "note-expression", "%d types on channel 1 (tuning, brightness, pressure: %d %d %d); tuning 0.75 -> \"%s\" "
         "-> %.4f", count, tuning, brightness, pressure, shown, back);
    x->vtbl->release(x);
}

/* ---- processing ------------------------------------------------------------------------------- */

typedef struct {
    float left[BLOCK];
    float right[BLOCK];
    float *channels[2];
    vst_audio_bus_buffers bus;
    vst_process_data data;
    host_event_list events;
    host_param_changes changes;
} block_io;

static void block_io_init(block_io *io) {
    memset(io, 0, sizeof *io);
    io->channels[0] = io->left;
    io->channels[1] = io->right;
    io->bus.num_channels = 2;
    io->bus.u.channel_buffers32 = io->channels;
    io->data.process_mode = VST_PROCESS_REALTIME;
    io->data.symbolic_sample_size = VST_SAMPLE_32;
    io->data.num_samples = BLOCK;
    io->data.num_outputs = 1;
    io->data.outputs = &io->bus;
    host_event_list_init(&io->events);
    host_param_changes_init(&io->changes);
    io->data.input_events = &io->events.iface;
    io->data.input_parameter_changes = &io->changes.iface;
}

static vst_event note_event(uint16_t type, int32_t offset) {
    vst_event e;
    memset(&e, 0, sizeof e);
    e.bus_index = 0;
    e.sample_offset = offset;
    e.type = type;
    return e;
}

/* Runs one block; returns false if process() failed or left the output anything but silent. */
static bool process_block(instance *in, block_io *io) {
    for (int i = 0; i < BLOCK; i++) {
        io->left[i] = 1.0f; /* the plugin must overwrite this with silence */
        io->right[i] = -1.0f;
    }
    io->bus.silence_flags = 0;
    tresult r = in->processor->vtbl->process(in->processor, &io->data);
    bool silent = io->bus.silence_flags == 3;
    for (int i = 0; i < BLOCK; i++) {
        silent = silent && io->left[i] == 0.0f && io->right[i] == 0.0f;
    }
    return r == VST_OK && silent;
}

typedef struct {
    double bend;
    double timbre;
} corner;

/* Sources at the table's four corners: pitch bend fully down/up (x), CC74 fully off/on (y). */
static const corner CORNERS[] = {{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}};

/* Waits for the next block's time. A host that falls behind does not rush the missed blocks through (an audio
 * interface would have dropped them): it starts counting again from now. */
static void pace(bool realtime, int64_t *deadline) {
    if (!realtime) {
        return;
    }
    int64_t period = (int64_t)(BLOCK * 1e9 / SAMPLE_RATE);
    *deadline += period;
    int64_t now = monotonic_ns();
    if (now > *deadline + period) {
        *deadline = now;
        return;
    }
    struct timespec t = {(time_t)(*deadline / 1000000000), (long)(*deadline % 1000000000)};
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL);
}

typedef struct {
    allocation_probe_arm_fn arm;
    allocation_probe_count_fn count;
    unsigned long calls;
    int blocks;
} allocation_watch;

/* The probe, if LD_PRELOAD brought it in; checks first that it does see an allocation. */
static bool find_allocation_probe(allocation_watch *w) {
    *w = (allocation_watch){0};
    w->arm = (allocation_probe_arm_fn)dlsym(RTLD_DEFAULT, ALLOCATION_PROBE_ARM);
    w->count = (allocation_probe_count_fn)dlsym(RTLD_DEFAULT, ALLOCATION_PROBE_COUNT);
    if (w->arm == NULL || w->count == NULL) {
        printf("info: no allocation probe preloaded; audio-thread allocations not counted\n");
        return false;
    }
    w->arm(1);
    void *volatile p = malloc(24);
    w->arm(0);
    free(p);
    step(w->count() == 1, "allocation-probe", "sees %lu call for one malloc", w->count());
    return w->count() == 1;
}

static void play(instance *in, const options *o, const midi_ids *ids, vst_param_id automated) {
    block_io *io = malloc(sizeof *io);
    if (io == NULL) {
        step(false, "process", "out of memory");
        return;
    }
    block_io_init(io);
    double start = in->controller->vtbl->get_param_normalized(in->controller, automated);
    int period = o->hold_blocks + o->gap_blocks;
    int lead_in = o->lead_in_blocks;
    int total = lead_in + o->notes * period + TAIL_BLOCKS;
    int bad_blocks = 0;
    int note_ons = 0;
    int note_offs = 0;
    int expressions = 0;
    allocation_watch watch;
    bool counting = find_allocation_probe(&watch);
    int counted_from = lead_in + (o->notes / 2) * period;
    int counted_to = lead_in + o->notes * period;
    int64_t deadline = monotonic_ns();
    for (int b = 0; b < total; b++) {
        host_event_list_clear(&io->events);
        host_param_changes_clear(&io->changes);
        int64_t note_on_at = -1;
        const corner *where = NULL;
        int channel = 0;
        int pitch = 0;
        if (b < AUTOMATION_BLOCKS) {
            /* Automation ramp of a real parameter down to its minimum, one point at each block's end. */
            double v = start + (0.0 - start) * (b + 1) / AUTOMATION_BLOCKS;
            host_param_changes_point(&io->changes, automated, BLOCK - 1, v);
        } else if (b >= lead_in && b < lead_in + o->notes * period) {
            int i = (b - lead_in) / period;
            int phase = (b - lead_in) % period;
            channel = 1 + i % 15; /* MPE member channels */
            pitch = 36 + (i * 7) % 48;
            where = &CORNERS[i % 4];
            int32_t note_id = FIRST_NOTE_ID + i;
            if (phase == 0) {
                host_param_changes_point(&io->changes, ids->bend[channel], 0, where->bend);
                host_param_changes_point(&io->changes, ids->timbre[channel], 0, where->timbre);
                host_param_changes_point(&io->changes, ids->pressure[channel], 0, 0.6);
                for (int k = 0; k < o->burst; k++) {
                    vst_event noise = note_event(VST_EVENT_POLY_PRESSURE, 1 + k * (NOTE_OFFSET - 1) / o->burst);
                    noise.u.poly_pressure = (vst_poly_pressure_event){(int16_t)channel, (int16_t)((pitch + 1) % 128),
                                                                      0.5f, -1};
                    host_event_list_push(&io->events, &noise);
                }
                vst_event on = note_event(VST_EVENT_NOTE_ON, NOTE_OFFSET);
                on.u.note_on = (vst_note_on_event){(int16_t)channel, (int16_t)pitch, 0.0f, 0.8f, 0, note_id};
                host_event_list_push(&io->events, &on);
                note_on_at = 0;
                note_ons++;
            } else if (phase < o->hold_blocks && phase % 4 == 0) {
                float pressure = 0.4f + 0.1f * (float)(phase % 5);
                vst_event poly = note_event(VST_EVENT_POLY_PRESSURE, 8);
                poly.u.poly_pressure = (vst_poly_pressure_event){(int16_t)channel, (int16_t)pitch, pressure, note_id};
                host_event_list_push(&io->events, &poly);
                /* Expression that keeps the source where it is: no retuning, brightness = the corner's y. */
                vst_event tuning = note_event(VST_EVENT_NOTE_EXPRESSION_VALUE, 8);
                tuning.u.note_expression_value = (vst_note_expression_value_event){VST_NOTE_EXPRESSION_TUNING,
                                                                                   note_id, 0.5};
                host_event_list_push(&io->events, &tuning);
                vst_event bright = note_event(VST_EVENT_NOTE_EXPRESSION_VALUE, 8);
                bright.u.note_expression_value = (vst_note_expression_value_event){VST_NOTE_EXPRESSION_BRIGHTNESS,
                                                                                   note_id, where->timbre};
                host_event_list_push(&io->events, &bright);
                host_param_changes_point(&io->changes, ids->pressure[channel], 32, pressure);
                host_param_changes_point(&io->changes, ids->bend[channel], 32, where->bend);
                host_param_changes_point(&io->changes, ids->timbre[channel], 32, where->timbre);
                expressions++;
            } else if (phase == o->hold_blocks) {
                vst_event off = note_event(VST_EVENT_NOTE_OFF, NOTE_OFFSET);
                off.u.note_off = (vst_note_off_event){(int16_t)channel, (int16_t)pitch, 0.5f, note_id, 0.0f};
                host_event_list_push(&io->events, &off);
                note_offs++;
            }
        }
        pace(o->realtime, &deadline);
        if (note_on_at == 0) {
            note_on_at = monotonic_ns();
        }
        bool counted = counting && b >= counted_from && b < counted_to;
        if (counted) {
            watch.arm(1);
        }
        bool good = process_block(in, io);
        if (counted) {
            watch.arm(0);
            watch.calls += watch.count();
            watch.blocks++;
        }
        if (!good) {
            bad_blocks++;
        }
        if (note_on_at > 0) {
            printf("noteon %lld %d %d %.3f %.3f\n", (long long)note_on_at, channel, pitch, where->bend,
                   where->timbre);
            fflush(stdout);
        }
    }
    if (counting) {
        step(watch.calls == 0 && watch.blocks > 0, "audio-thread-allocations",
             "%lu malloc-family calls in process() over %d blocks after warm-up", watch.calls, watch.blocks);
    }
    step(bad_blocks == 0, "process", "%d blocks of %d frames, %d note-ons, %d note-offs, %d expression blocks, "
         "%d failed or not silent", total, BLOCK, note_ons, note_offs, expressions, bad_blocks);

    /* A flush: parameters only, no audio (numSamples 0), as hosts do while not playing. */
    host_event_list_clear(&io->events);
    host_param_changes_clear(&io->changes);
    host_param_changes_point(&io->changes, automated, 0, 0.0);
    io->data.num_samples = 0;
    tresult flush = in->processor->vtbl->process(in->processor, &io->data);
    io->data.num_samples = BLOCK;
    step(flush == VST_OK, "process-flush", "parameter flush with 0 samples: %d", flush);

    double now = in->controller->vtbl->get_param_normalized(in->controller, automated);
    step(fabs(now) < 1e-6, "automation-visible", "parameter %u was %.4f, automated to 0, controller reads %.6f",
         automated, start, now);
    free(io);
}

static void check_state(instance *in, vst_param_id id) {
    vst_edit_controller *e = in->controller;
    vst_component *c = in->component;
    memory_stream saved;
    memory_stream_init(&saved);
    double before = e->vtbl->get_param_normalized(e, id);
    tresult g = c->vtbl->get_state(c, &saved.iface);
    step(g == VST_OK && saved.size > 0, "get-state", "%lld bytes", (long long)saved.size);

    double changed = before < 0.5 ? 0.75 : 0.25;
    tresult s = e->vtbl->set_param_normalized(e, id, changed);
    double read = e->vtbl->get_param_normalized(e, id);
    step(s == VST_OK && fabs(read - changed) < 1e-6, "parameter-round-trip", "set %.4f, read %.6f", changed, read);

    saved.position = 0;
    tresult r = c->vtbl->set_state(c, &saved.iface);
    double restored = e->vtbl->get_param_normalized(e, id);
    step(r == VST_OK && fabs(restored - before) < 1e-6, "set-state", "restored %.6f (saved %.6f)", restored, before);

    memory_stream foreign;
    memory_stream_init(&foreign);
    const char junk[] = "this is not a haptic plugin state";
    memory_stream_set(&foreign, junk, sizeof junk);
    tresult f = c->vtbl->set_state(c, &foreign.iface);
    double after = e->vtbl->get_param_normalized(e, id);
    step(f != VST_OK && fabs(after - before) < 1e-6, "set-state-foreign", "refused (%d), value kept %.6f", f, after);

    memory_stream controller_state;
    memory_stream_init(&controller_state);
    tresult cg = e->vtbl->get_state(e, &controller_state.iface);
    controller_state.position = 0;
    tresult cs = e->vtbl->set_state(e, &controller_state.iface);
    saved.position = 0;
    tresult sc = e->vtbl->set_component_state(e, &saved.iface);
    step(cg == VST_OK && cs == VST_OK && sc == VST_OK, "controller-state", "get %d, set %d, setComponentState %d",
         cg, cs, sc);
    bool released = atomic_load(&saved.refs) == 1 && atomic_load(&foreign.refs) == 1
                    && atomic_load(&controller_state.refs) == 1;
    step(released, "stream-references", "the plugin kept no stream");
    memory_stream_free(&saved);
    memory_stream_free(&foreign);
    memory_stream_free(&controller_state);
}

static void release_instance(instance *in) {
    uint32_t left_mapping = in->mapping != NULL ? in->mapping->vtbl->release(in->mapping) : 0;
    uint32_t left_controller = in->controller != NULL ? in->controller->vtbl->release(in->controller) : 0;
    uint32_t left_processor = in->processor != NULL ? in->processor->vtbl->release(in->processor) : 0;
    uint32_t left = in->component->vtbl->release(in->component);
    step(left == 0 && left_processor == 1 && left_controller == 2 && left_mapping == 3, "release",
         "reference counts after each release: %u, %u, %u, %u", left_mapping, left_controller, left_processor, left);
}

/* A second instance in the same process shares the JVM: it must start, process and go away cleanly. */
static void second_instance(vst_plugin_factory *factory, const char *cid, host_application *app) {
    instance in = {0};
    tresult r = factory->vtbl->create_instance(factory, cid, VST_IID_COMPONENT, (void **)&in.component);
    if (r != VST_OK || in.component == NULL) {
        step(false, "second-instance", "createInstance %d", r);
        return;
    }
    tresult init = in.component->vtbl->initialize(in.component, (vst_funknown *)&app->iface);
    in.component->vtbl->query_interface(in.component, VST_IID_AUDIO_PROCESSOR, (void **)&in.processor);
    vst_process_setup setup = {VST_PROCESS_REALTIME, VST_SAMPLE_32, BLOCK, SAMPLE_RATE};
    tresult su = in.processor->vtbl->setup_processing(in.processor, &setup);
    tresult on = in.component->vtbl->set_active(in.component, 1);
    block_io *io = malloc(sizeof *io);
    int bad = 0;
    if (io != NULL) {
        block_io_init(io);
        for (int b = 0; b < 20; b++) {
            bad += !process_block(&in, io);
        }
        free(io);
    }
    tresult off = in.component->vtbl->set_active(in.component, 0);
    tresult term = in.component->vtbl->terminate(in.component);
    uint32_t left_processor = in.processor->vtbl->release(in.processor);
    uint32_t left = in.component->vtbl->release(in.component);
    step(init == VST_OK && su == VST_OK && on == VST_OK && bad == 0 && off == VST_OK && term == VST_OK
             && left_processor == 1 && left == 0,
         "second-instance", "initialize %d, setup %d, active %d, 20 blocks (%d bad), inactive %d, terminate %d, "
         "released to %u", init, su, on, bad, off, term, left);
}

static void run_instance(vst_plugin_factory *factory, const char *cid, const options *o) {
    host_application app;
    host_component_handler handler;
    host_application_init(&app);
    host_component_handler_init(&handler);
    instance in = {0};
    tresult r = factory->vtbl->create_instance(factory, cid, VST_IID_COMPONENT, (void **)&in.component);
    step(r == VST_OK && in.component != NULL, "create-instance", "result %d", r);
    if (in.component == NULL) {
        return;
    }
    r = in.component->vtbl->initialize(in.component, (vst_funknown *)&app.iface);
    step(r == VST_OK, "initialize", "result %d", r);
    if (r != VST_OK) {
        in.component->vtbl->release(in.component);
        return;
    }
    vst_param_id automated = 0;
    midi_ids ids;
    bool ready = query_interfaces(&in);
    if (ready) {
        r = in.controller->vtbl->set_component_handler(in.controller, &handler.iface);
        step(r == VST_OK, "component-handler", "result %d", r);
        ready = check_busses(&in) && list_parameters(&in, &automated) && map_midi(&in, &ids);
    }
    if (ready) {
        check_text_conversion(&in, automated);
        check_note_expression(&in);
        int block = o->timed.block > 0 ? o->timed.block : BLOCK;
        vst_process_setup setup = {VST_PROCESS_REALTIME, VST_SAMPLE_32, block, SAMPLE_RATE};
        tresult su = in.processor->vtbl->setup_processing(in.processor, &setup);
        tresult act = in.component->vtbl->set_active(in.component, 1);
        tresult proc = in.processor->vtbl->set_processing(in.processor, 1);
        step(su == VST_OK && act == VST_OK && proc == VST_OK, "start",
             "setupProcessing(48 kHz, %d) %d, setActive(1) %d, setProcessing(1) %d", block, su, act, proc);
        uint32_t latency = in.processor->vtbl->get_latency_samples(in.processor);
        step(latency >= (uint32_t)block, "latency", "getLatencySamples %u with %d-frame blocks", latency, block);
        if (o->timed.block > 0) {
            failures += timed_play(in.processor, in.controller, &o->timed);
        } else {
            play(&in, o, &ids, automated);
            second_instance(factory, cid, &app);
        }
        tresult stop = in.processor->vtbl->set_processing(in.processor, 0);
        tresult inactive = in.component->vtbl->set_active(in.component, 0);
        step(stop == VST_OK && inactive == VST_OK, "stop", "setProcessing(0) %d, setActive(0) %d", stop, inactive);
        check_state(&in, automated);
    }
    tresult t = in.component->vtbl->terminate(in.component);
    step(t == VST_OK, "terminate", "result %d", t);
    release_instance(&in);
    int app_refs = atomic_load(&app.refs);
    int handler_refs = atomic_load(&handler.refs);
    step(app_refs == 1 && handler_refs == 1, "host-references", "host context %d, component handler %d (1 = all "
         "given back)", app_refs, handler_refs);
}

int main(int argc, char **argv) {
    options o;
    if (parse_options(argc, argv, &o) != 0) {
        fprintf(stderr, "usage: %s [--notes N] [--hold-blocks N] [--gap-blocks N] [--lead-in-blocks N] [--burst N] "
                        "[--realtime] [--expect-no-jvm] [--preload-jvm libjvm.so] "
                        "[--timed-block N --timed-notes N --timed-ioi FRAMES --timed-length FRAMES "
                        "--timed-lead-in BLOCKS [--jitter] [--host-time]] "
                        "<HapticController.vst3 | HapticController.so>\n", argv[0]);
        return 2;
    }
    if (o.preload_jvm != NULL && !preload_jvm(o.preload_jvm)) {
        return 1;
    }
    char path[PATH_MAX];
    library_path(path, sizeof path, o.target);
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    step(lib != NULL, "dlopen", "%s%s%s", path, lib == NULL ? ": " : "", lib == NULL ? dlerror() : "");
    if (lib == NULL) {
        return 1;
    }
    module_entry_fn entry = (module_entry_fn)dlsym(lib, "ModuleEntry");
    module_exit_fn exit_fn = (module_exit_fn)dlsym(lib, "ModuleExit");
    get_factory_fn get_factory = (get_factory_fn)dlsym(lib, "GetPluginFactory");
    step(entry != NULL && exit_fn != NULL && get_factory != NULL, "exports", "ModuleEntry, ModuleExit, "
         "GetPluginFactory");
    if (entry == NULL || exit_fn == NULL || get_factory == NULL) {
        return 1;
    }
    step(entry(lib), "module-entry", "ModuleEntry(handle)");
    vst_plugin_factory *factory = get_factory();
    step(factory != NULL, "get-factory", "GetPluginFactory");
    if (factory == NULL) {
        return 1;
    }
    host_application factory_context;
    host_application_init(&factory_context);
    vst_plugin_factory *f3 = NULL;
    if (factory->vtbl->query_interface(factory, VST_IID_PLUGIN_FACTORY3, (void **)&f3) == VST_OK) {
        step(f3->vtbl->set_host_context(f3, (vst_funknown *)&factory_context.iface) == VST_OK, "host-context",
             "IPluginFactory3::setHostContext");
        f3->vtbl->release(f3);
    }
    char cid[16];
    if (walk_classes(factory, cid)) {
        if (o.expect_no_jvm) {
            /* Twice: a host retries, and a JVM that failed to start must not be started again. */
            for (int attempt = 0; attempt < 2; attempt++) {
                vst_component *c = (vst_component *)1;
                tresult r = factory->vtbl->create_instance(factory, cid, VST_IID_COMPONENT, (void **)&c);
                const char *name = attempt == 0 ? "create-instance-refused" : "create-instance-refused-again";
                step(r != VST_OK && c == NULL, name, "createInstance without Java: %d, object %p", r, (void *)c);
            }
        } else {
            run_instance(factory, cid, &o);
        }
    }
    uint32_t left = factory->vtbl->release(factory);
    step(left == 0 && atomic_load(&factory_context.refs) == 1, "factory-release",
         "factory count %u, its host context given back: %s", left,
         atomic_load(&factory_context.refs) == 1 ? "yes" : "no");
    step(exit_fn(), "module-exit", "ModuleExit()");
    dlclose(lib);
    printf("%s: %d step(s) failed\n", failures == 0 ? "PASSED" : "FAILED", failures);
    return failures == 0 ? 0 : 1;
}
