/*
 * The VST3 binary interface as plain C, written from the published interface facts (vtable order, IIDs,
 * struct layouts) of steinbergmedia/vst3_pluginterfaces. Linux x86_64 only: no COM-compatible IID byte
 * order, tresult codes are small integers, strings are UTF-16 (char16), and the headers' "pack(16)" on
 * 64-bit Linux is the natural C layout, which the static assertions below pin down.
 *
 * Every interface is a pointer to a struct whose first member points to its vtable; methods take that
 * interface pointer as their first argument (the C++ this).
 */
#ifndef HAPTIC_VST3_ABI_H
#define HAPTIC_VST3_ABI_H

#include <stddef.h>
#include <stdint.h>

#if !defined(__x86_64__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "this ABI description is for little-endian x86_64 Linux"
#endif

typedef int32_t tresult;
typedef uint8_t vst_bool;
typedef uint16_t vst_char16;
typedef char vst_tuid[16];
typedef uint32_t vst_param_id;
typedef uint64_t vst_speaker_arrangement;

enum {
    VST_NO_INTERFACE = -1,
    VST_OK = 0,
    VST_TRUE = 0,
    VST_FALSE = 1,
    VST_INVALID_ARGUMENT = 2,
    VST_NOT_IMPLEMENTED = 3,
    VST_INTERNAL_ERROR = 4,
    VST_NOT_INITIALIZED = 5,
    VST_OUT_OF_MEMORY = 6
};

/* Non-COM byte order: each 32-bit word big-endian, words in order. */
#define VST_UID_BYTE(l, shift) ((char)(((uint32_t)(l) >> (shift)) & 0xFF))
#define VST_UID_WORD(l) VST_UID_BYTE(l, 24), VST_UID_BYTE(l, 16), VST_UID_BYTE(l, 8), VST_UID_BYTE(l, 0)
#define VST_UID(l1, l2, l3, l4) { VST_UID_WORD(l1), VST_UID_WORD(l2), VST_UID_WORD(l3), VST_UID_WORD(l4) }

extern const vst_tuid VST_IID_FUNKNOWN;
extern const vst_tuid VST_IID_PLUGIN_BASE;
extern const vst_tuid VST_IID_PLUGIN_FACTORY;
extern const vst_tuid VST_IID_PLUGIN_FACTORY2;
extern const vst_tuid VST_IID_PLUGIN_FACTORY3;
extern const vst_tuid VST_IID_COMPONENT;
extern const vst_tuid VST_IID_AUDIO_PROCESSOR;
extern const vst_tuid VST_IID_EDIT_CONTROLLER;
extern const vst_tuid VST_IID_MIDI_MAPPING;
extern const vst_tuid VST_IID_NOTE_EXPRESSION_CONTROLLER;
extern const vst_tuid VST_IID_PROCESS_CONTEXT_REQUIREMENTS;
extern const vst_tuid VST_IID_CONNECTION_POINT;
extern const vst_tuid VST_IID_BSTREAM;
extern const vst_tuid VST_IID_EVENT_LIST;
extern const vst_tuid VST_IID_PARAMETER_CHANGES;
extern const vst_tuid VST_IID_PARAM_VALUE_QUEUE;
extern const vst_tuid VST_IID_HOST_APPLICATION;
extern const vst_tuid VST_IID_COMPONENT_HANDLER;

int vst_iid_equal(const char *a, const char *b);

/* ---- FUnknown ---------------------------------------------------------------------------------- */

#define VST_FUNKNOWN_METHODS(T)                                                    \
    tresult (*query_interface)(T *self, const char *iid, void **obj);              \
    uint32_t (*add_ref)(T *self);                                                  \
    uint32_t (*release)(T *self)

typedef struct vst_funknown vst_funknown;
typedef struct { VST_FUNKNOWN_METHODS(vst_funknown); } vst_funknown_vtbl;
struct vst_funknown { const vst_funknown_vtbl *vtbl; };

/* ---- factory ----------------------------------------------------------------------------------- */

enum { VST_FACTORY_UNICODE = 1 << 4, VST_MANY_INSTANCES = 0x7FFFFFFF };

typedef struct {
    char vendor[64];
    char url[256];
    char email[128];
    int32_t flags;
} vst_factory_info;

typedef struct {
    vst_tuid cid;
    int32_t cardinality;
    char category[32];
    char name[64];
} vst_class_info;

typedef struct {
    vst_tuid cid;
    int32_t cardinality;
    char category[32];
    char name[64];
    uint32_t class_flags;
    char sub_categories[128];
    char vendor[64];
    char version[64];
    char sdk_version[64];
} vst_class_info2;

typedef struct {
    vst_tuid cid;
    int32_t cardinality;
    char category[32];
    vst_char16 name[64];
    uint32_t class_flags;
    char sub_categories[128];
    vst_char16 vendor[64];
    vst_char16 version[64];
    vst_char16 sdk_version[64];
} vst_class_info_w;

typedef struct vst_plugin_factory vst_plugin_factory;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_plugin_factory);
    tresult (*get_factory_info)(vst_plugin_factory *self, vst_factory_info *info);
    int32_t (*count_classes)(vst_plugin_factory *self);
    tresult (*get_class_info)(vst_plugin_factory *self, int32_t index, vst_class_info *info);
    tresult (*create_instance)(vst_plugin_factory *self, const char *cid, const char *iid, void **obj);
    /* IPluginFactory2 */
    tresult (*get_class_info2)(vst_plugin_factory *self, int32_t index, vst_class_info2 *info);
    /* IPluginFactory3 */
    tresult (*get_class_info_unicode)(vst_plugin_factory *self, int32_t index, vst_class_info_w *info);
    tresult (*set_host_context)(vst_plugin_factory *self, vst_funknown *context);
} vst_plugin_factory_vtbl;
struct vst_plugin_factory { const vst_plugin_factory_vtbl *vtbl; };

/* ---- streams, host --------------------------------------------------------------------------- */

enum { VST_SEEK_SET = 0, VST_SEEK_CUR = 1, VST_SEEK_END = 2 };

typedef struct vst_bstream vst_bstream;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_bstream);
    tresult (*read)(vst_bstream *self, void *buffer, int32_t bytes, int32_t *bytes_read);
    tresult (*write)(vst_bstream *self, void *buffer, int32_t bytes, int32_t *bytes_written);
    tresult (*seek)(vst_bstream *self, int64_t pos, int32_t mode, int64_t *result);
    tresult (*tell)(vst_bstream *self, int64_t *pos);
} vst_bstream_vtbl;
struct vst_bstream { const vst_bstream_vtbl *vtbl; };

typedef struct vst_host_application vst_host_application;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_host_application);
    tresult (*get_name)(vst_host_application *self, vst_char16 name[128]);
    tresult (*create_instance)(vst_host_application *self, char *cid, char *iid, void **obj);
} vst_host_application_vtbl;
struct vst_host_application { const vst_host_application_vtbl *vtbl; };

typedef struct vst_component_handler vst_component_handler;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_component_handler);
    tresult (*begin_edit)(vst_component_handler *self, vst_param_id id);
    tresult (*perform_edit)(vst_component_handler *self, vst_param_id id, double value);
    tresult (*end_edit)(vst_component_handler *self, vst_param_id id);
    tresult (*restart_component)(vst_component_handler *self, int32_t flags);
} vst_component_handler_vtbl;
struct vst_component_handler { const vst_component_handler_vtbl *vtbl; };

/* ---- IComponent ------------------------------------------------------------------------------ */

enum { VST_MEDIA_AUDIO = 0, VST_MEDIA_EVENT = 1 };
enum { VST_BUS_INPUT = 0, VST_BUS_OUTPUT = 1 };
enum { VST_BUS_MAIN = 0, VST_BUS_AUX = 1 };
enum { VST_BUS_DEFAULT_ACTIVE = 1 << 0 };
enum { VST_SPEAKER_STEREO = 0x3 };

typedef struct {
    int32_t media_type;
    int32_t direction;
    int32_t channel_count;
    vst_char16 name[128];
    int32_t bus_type;
    uint32_t flags;
} vst_bus_info;

typedef struct {
    int32_t media_type;
    int32_t bus_index;
    int32_t channel;
} vst_routing_info;

typedef struct vst_component vst_component;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_component);
    tresult (*initialize)(vst_component *self, vst_funknown *context);
    tresult (*terminate)(vst_component *self);
    tresult (*get_controller_class_id)(vst_component *self, char *class_id);
    tresult (*set_io_mode)(vst_component *self, int32_t mode);
    int32_t (*get_bus_count)(vst_component *self, int32_t type, int32_t dir);
    tresult (*get_bus_info)(vst_component *self, int32_t type, int32_t dir, int32_t index, vst_bus_info *bus);
    tresult (*get_routing_info)(vst_component *self, vst_routing_info *in, vst_routing_info *out);
    tresult (*activate_bus)(vst_component *self, int32_t type, int32_t dir, int32_t index, vst_bool state);
    tresult (*set_active)(vst_component *self, vst_bool state);
    tresult (*set_state)(vst_component *self, vst_bstream *state);
    tresult (*get_state)(vst_component *self, vst_bstream *state);
} vst_component_vtbl;
struct vst_component { const vst_component_vtbl *vtbl; };

/* ---- events and parameter changes ------------------------------------------------------------ */

typedef struct {
    int16_t channel;
    int16_t pitch;
    float tuning;
    float velocity;
    int32_t length;
    int32_t note_id;
} vst_note_on_event;

typedef struct {
    int16_t channel;
    int16_t pitch;
    float velocity;
    int32_t note_id;
    float tuning;
} vst_note_off_event;

typedef struct {
    uint32_t size;
    uint32_t type;
    const uint8_t *bytes;
} vst_data_event;

typedef struct {
    int16_t channel;
    int16_t pitch;
    float pressure;
    int32_t note_id;
} vst_poly_pressure_event;

typedef struct {
    uint32_t type_id;
    int32_t note_id;
    double value;
} vst_note_expression_value_event;

typedef struct {
    uint32_t type_id;
    int32_t note_id;
    uint32_t text_len;
    const vst_char16 *text;
} vst_note_expression_text_event;

typedef struct {
    int16_t root;
    int16_t bass_note;
    int16_t mask;
    uint16_t text_len;
    const vst_char16 *text;
} vst_chord_event;

typedef struct {
    int16_t root;
    int16_t mask;
    uint16_t text_len;
    const vst_char16 *text;
} vst_scale_event;

typedef struct {
    uint8_t control_number;
    int8_t channel;
    int8_t value;
    int8_t value2;
} vst_legacy_midi_cc_out_event;

enum {
    VST_EVENT_NOTE_ON = 0,
    VST_EVENT_NOTE_OFF = 1,
    VST_EVENT_DATA = 2,
    VST_EVENT_POLY_PRESSURE = 3,
    VST_EVENT_NOTE_EXPRESSION_VALUE = 4,
    VST_EVENT_NOTE_EXPRESSION_TEXT = 5,
    VST_EVENT_CHORD = 6,
    VST_EVENT_SCALE = 7
};

typedef struct {
    int32_t bus_index;
    int32_t sample_offset;
    double ppq_position;
    uint16_t flags;
    uint16_t type;
    union {
        vst_note_on_event note_on;
        vst_note_off_event note_off;
        vst_data_event data;
        vst_poly_pressure_event poly_pressure;
        vst_note_expression_value_event note_expression_value;
        vst_note_expression_text_event note_expression_text;
        vst_chord_event chord;
        vst_scale_event scale;
        vst_legacy_midi_cc_out_event midi_cc_out;
    } u;
} vst_event;

typedef struct vst_event_list vst_event_list;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_event_list);
    int32_t (*get_event_count)(vst_event_list *self);
    tresult (*get_event)(vst_event_list *self, int32_t index, vst_event *e);
    tresult (*add_event)(vst_event_list *self, vst_event *e);
} vst_event_list_vtbl;
struct vst_event_list { const vst_event_list_vtbl *vtbl; };

typedef struct vst_param_value_queue vst_param_value_queue;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_param_value_queue);
    vst_param_id (*get_parameter_id)(vst_param_value_queue *self);
    int32_t (*get_point_count)(vst_param_value_queue *self);
    tresult (*get_point)(vst_param_value_queue *self, int32_t index, int32_t *sample_offset, double *value);
    tresult (*add_point)(vst_param_value_queue *self, int32_t sample_offset, double value, int32_t *index);
} vst_param_value_queue_vtbl;
struct vst_param_value_queue { const vst_param_value_queue_vtbl *vtbl; };

typedef struct vst_parameter_changes vst_parameter_changes;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_parameter_changes);
    int32_t (*get_parameter_count)(vst_parameter_changes *self);
    vst_param_value_queue *(*get_parameter_data)(vst_parameter_changes *self, int32_t index);
    vst_param_value_queue *(*add_parameter_data)(vst_parameter_changes *self, const vst_param_id *id,
                                                 int32_t *index);
} vst_parameter_changes_vtbl;
struct vst_parameter_changes { const vst_parameter_changes_vtbl *vtbl; };

/* ---- IAudioProcessor ------------------------------------------------------------------------- */

enum { VST_SAMPLE_32 = 0, VST_SAMPLE_64 = 1 };
enum { VST_PROCESS_REALTIME = 0, VST_PROCESS_PREFETCH = 1, VST_PROCESS_OFFLINE = 2 };

typedef struct {
    int32_t process_mode;
    int32_t symbolic_sample_size;
    int32_t max_samples_per_block;
    double sample_rate;
} vst_process_setup;

typedef struct {
    int32_t num_channels;
    uint64_t silence_flags;
    union {
        float **channel_buffers32;
        double **channel_buffers64;
    } u;
} vst_audio_bus_buffers;

typedef struct {
    int32_t process_mode;
    int32_t symbolic_sample_size;
    int32_t num_samples;
    int32_t num_inputs;
    int32_t num_outputs;
    vst_audio_bus_buffers *inputs;
    vst_audio_bus_buffers *outputs;
    vst_parameter_changes *input_parameter_changes;
    vst_parameter_changes *output_parameter_changes;
    vst_event_list *input_events;
    vst_event_list *output_events;
    void *process_context;
} vst_process_data;

/* ProcessContext: only the leading fields the plugin reads are named; the rest is kept as padding so the
 * size matches (state, rate, project position, system time, continuous position, then music/tempo/chord/
 * SMPTE/frame-rate/clock fields). */
enum {
    VST_CONTEXT_PLAYING = 1 << 1,
    VST_CONTEXT_SYSTEM_TIME_VALID = 1 << 8,
    VST_CONTEXT_CONT_TIME_VALID = 1 << 17
};
typedef struct {
    uint32_t state;
    double sample_rate;
    int64_t project_time_samples;
    int64_t system_time;
    int64_t continuous_time_samples;
    double music_fields[5];
    int32_t time_sig_numerator;
    int32_t time_sig_denominator;
    uint8_t chord[4];
    int32_t smpte_offset_subframes;
    uint32_t frame_rate[2];
    int32_t samples_to_next_clock;
} vst_process_context;

/* IProcessContextRequirements flags. */
enum {
    VST_NEED_SYSTEM_TIME = 1 << 0,
    VST_NEED_CONTINUOUS_TIME_SAMPLES = 1 << 1,
    VST_NEED_TRANSPORT_STATE = 1 << 10
};

typedef struct vst_audio_processor vst_audio_processor;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_audio_processor);
    tresult (*set_bus_arrangements)(vst_audio_processor *self, vst_speaker_arrangement *inputs, int32_t num_ins,
                                    vst_speaker_arrangement *outputs, int32_t num_outs);
    tresult (*get_bus_arrangement)(vst_audio_processor *self, int32_t dir, int32_t index,
                                   vst_speaker_arrangement *arr);
    tresult (*can_process_sample_size)(vst_audio_processor *self, int32_t symbolic_sample_size);
    uint32_t (*get_latency_samples)(vst_audio_processor *self);
    tresult (*setup_processing)(vst_audio_processor *self, vst_process_setup *setup);
    tresult (*set_processing)(vst_audio_processor *self, vst_bool state);
    tresult (*process)(vst_audio_processor *self, vst_process_data *data);
    uint32_t (*get_tail_samples)(vst_audio_processor *self);
} vst_audio_processor_vtbl;
struct vst_audio_processor { const vst_audio_processor_vtbl *vtbl; };

typedef struct vst_process_context_requirements vst_process_context_requirements;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_process_context_requirements);
    uint32_t (*get_process_context_requirements)(vst_process_context_requirements *self);
} vst_process_context_requirements_vtbl;
struct vst_process_context_requirements { const vst_process_context_requirements_vtbl *vtbl; };

/* ---- IEditController ------------------------------------------------------------------------- */

enum {
    VST_PARAM_CAN_AUTOMATE = 1 << 0,
    VST_PARAM_READ_ONLY = 1 << 1,
    VST_PARAM_WRAP_AROUND = 1 << 2,
    VST_PARAM_LIST = 1 << 3,
    VST_PARAM_HIDDEN = 1 << 4,
    VST_PARAM_PROGRAM_CHANGE = 1 << 15,
    VST_PARAM_BYPASS = 1 << 16
};

typedef struct {
    vst_param_id id;
    vst_char16 title[128];
    vst_char16 short_title[128];
    vst_char16 units[128];
    int32_t step_count;
    double default_normalized_value;
    int32_t unit_id;
    int32_t flags;
} vst_parameter_info;

typedef struct vst_edit_controller vst_edit_controller;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_edit_controller);
    tresult (*initialize)(vst_edit_controller *self, vst_funknown *context);
    tresult (*terminate)(vst_edit_controller *self);
    tresult (*set_component_state)(vst_edit_controller *self, vst_bstream *state);
    tresult (*set_state)(vst_edit_controller *self, vst_bstream *state);
    tresult (*get_state)(vst_edit_controller *self, vst_bstream *state);
    int32_t (*get_parameter_count)(vst_edit_controller *self);
    tresult (*get_parameter_info)(vst_edit_controller *self, int32_t index, vst_parameter_info *info);
    tresult (*get_param_string_by_value)(vst_edit_controller *self, vst_param_id id, double value,
                                         vst_char16 *string);
    tresult (*get_param_value_by_string)(vst_edit_controller *self, vst_param_id id, vst_char16 *string,
                                         double *value);
    double (*normalized_param_to_plain)(vst_edit_controller *self, vst_param_id id, double value);
    double (*plain_param_to_normalized)(vst_edit_controller *self, vst_param_id id, double plain);
    double (*get_param_normalized)(vst_edit_controller *self, vst_param_id id);
    tresult (*set_param_normalized)(vst_edit_controller *self, vst_param_id id, double value);
    tresult (*set_component_handler)(vst_edit_controller *self, vst_component_handler *handler);
    void *(*create_view)(vst_edit_controller *self, const char *name);
} vst_edit_controller_vtbl;
struct vst_edit_controller { const vst_edit_controller_vtbl *vtbl; };

enum { VST_CTRL_FILTER_RESONANCE = 74, VST_CTRL_AFTER_TOUCH = 128, VST_CTRL_PITCH_BEND = 129 };

typedef struct vst_midi_mapping vst_midi_mapping;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_midi_mapping);
    tresult (*get_midi_controller_assignment)(vst_midi_mapping *self, int32_t bus_index, int16_t channel,
                                              int16_t controller, vst_param_id *id);
} vst_midi_mapping_vtbl;
struct vst_midi_mapping { const vst_midi_mapping_vtbl *vtbl; };

/* ---- INoteExpressionController --------------------------------------------------------------- */

enum {
    VST_NOTE_EXPRESSION_VOLUME = 0,
    VST_NOTE_EXPRESSION_PAN = 1,
    VST_NOTE_EXPRESSION_TUNING = 2,
    VST_NOTE_EXPRESSION_VIBRATO = 3,
    VST_NOTE_EXPRESSION_EXPRESSION = 4,
    VST_NOTE_EXPRESSION_BRIGHTNESS = 5
};
enum { VST_NOTE_EXPRESSION_BIPOLAR = 1 << 0, VST_NOTE_EXPRESSION_ABSOLUTE = 1 << 2 };

typedef struct {
    double default_value;
    double minimum;
    double maximum;
    int32_t step_count;
} vst_note_expression_value_description;

typedef struct {
    uint32_t type_id;
    vst_char16 title[128];
    vst_char16 short_title[128];
    vst_char16 units[128];
    int32_t unit_id;
    vst_note_expression_value_description value_desc;
    vst_param_id associated_parameter_id;
    int32_t flags;
} vst_note_expression_type_info;

typedef struct vst_note_expression_controller vst_note_expression_controller;
typedef struct {
    VST_FUNKNOWN_METHODS(vst_note_expression_controller);
    int32_t (*get_note_expression_count)(vst_note_expression_controller *self, int32_t bus_index, int16_t channel);
    tresult (*get_note_expression_info)(vst_note_expression_controller *self, int32_t bus_index, int16_t channel,
                                        int32_t index, vst_note_expression_type_info *info);
    tresult (*get_note_expression_string_by_value)(vst_note_expression_controller *self, int32_t bus_index,
                                                   int16_t channel, uint32_t type_id, double value,
                                                   vst_char16 *string);
    tresult (*get_note_expression_value_by_string)(vst_note_expression_controller *self, int32_t bus_index,
                                                   int16_t channel, uint32_t type_id, const vst_char16 *string,
                                                   double *value);
} vst_note_expression_controller_vtbl;
struct vst_note_expression_controller { const vst_note_expression_controller_vtbl *vtbl; };

/* ---- layout checks against the sizes the C++ headers produce on x86_64 Linux ------------------- */

_Static_assert(sizeof(vst_factory_info) == 452, "PFactoryInfo");
_Static_assert(sizeof(vst_class_info) == 116, "PClassInfo");
_Static_assert(sizeof(vst_class_info2) == 440, "PClassInfo2");
_Static_assert(sizeof(vst_class_info_w) == 696, "PClassInfoW");
_Static_assert(sizeof(vst_bus_info) == 276, "BusInfo");
_Static_assert(sizeof(vst_parameter_info) == 792, "ParameterInfo");
_Static_assert(offsetof(vst_parameter_info, default_normalized_value) == 776, "ParameterInfo.default");
_Static_assert(sizeof(vst_process_setup) == 24, "ProcessSetup");
_Static_assert(offsetof(vst_process_setup, sample_rate) == 16, "ProcessSetup.sampleRate");
_Static_assert(sizeof(vst_audio_bus_buffers) == 24, "AudioBusBuffers");
_Static_assert(sizeof(vst_process_data) == 80, "ProcessData");
_Static_assert(offsetof(vst_process_context, system_time) == 24, "ProcessContext.systemTime");
_Static_assert(sizeof(vst_process_context) == 112, "ProcessContext");
_Static_assert(offsetof(vst_process_data, inputs) == 24, "ProcessData.inputs");
_Static_assert(offsetof(vst_event, u) == 24, "Event union");
_Static_assert(sizeof(vst_event) == 48, "Event");
_Static_assert(sizeof(vst_note_on_event) == 20, "NoteOnEvent");
_Static_assert(sizeof(vst_note_expression_type_info) == 816, "NoteExpressionTypeInfo");

#endif
