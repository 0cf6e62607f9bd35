/*
 * INoteExpressionController: per-note expression hosts may send instead of MPE channel messages. The types
 * offered are the ones the Java side turns into source movement and intensity (JNI.md NOTE_EXPRESSION):
 * tuning moves the source along x like pitch bend, brightness along y like CC74, expression is pressure.
 */
#include "haptic_component.h"

#include "c_number.h"
#include "utf16_text.h"

#include <stdio.h>
#include <string.h>

/* VST3's predefined tuning range: 0..1 spans -120..+120 semitones. */
#define TUNING_SPAN_SEMITONES 240.0

typedef struct {
    uint32_t type_id;
    const char *title;
    const char *short_title;
    const char *units;
    double default_value;
    int32_t flags;
} expression_type;

static const expression_type TYPES[] = {
    {VST_NOTE_EXPRESSION_TUNING, "Tuning", "Tune", "st", 0.5, VST_NOTE_EXPRESSION_BIPOLAR},
    {VST_NOTE_EXPRESSION_BRIGHTNESS, "Brightness", "Bright", "%", 0.5, VST_NOTE_EXPRESSION_ABSOLUTE},
    {VST_NOTE_EXPRESSION_EXPRESSION, "Pressure", "Press", "%", 0.0, VST_NOTE_EXPRESSION_ABSOLUTE},
};

#define TYPE_COUNT ((int32_t)(sizeof TYPES / sizeof TYPES[0]))

static const expression_type *find(uint32_t type_id) {
    for (int32_t i = 0; i < TYPE_COUNT; i++) {
        if (TYPES[i].type_id == type_id) {
            return &TYPES[i];
        }
    }
    return NULL;
}

static int valid_place(int32_t bus_index, int16_t channel) {
    return bus_index == 0 && channel >= 0 && channel < 16;
}

static tresult x_query(vst_note_expression_controller *self, const char *iid, void **obj) {
    return haptic_component_query(COMPONENT_OF(self, note_expression), iid, obj);
}

static uint32_t x_add_ref(vst_note_expression_controller *self) {
    return haptic_component_add_ref(COMPONENT_OF(self, note_expression));
}

static uint32_t x_release(vst_note_expression_controller *self) {
    return haptic_component_release(COMPONENT_OF(self, note_expression));
}

static int32_t x_count(vst_note_expression_controller *self, int32_t bus_index, int16_t channel) {
    (void)self;
    return valid_place(bus_index, channel) ? TYPE_COUNT : 0;
}

static tresult x_info(vst_note_expression_controller *self, int32_t bus_index, int16_t channel, int32_t index,
                      vst_note_expression_type_info *info) {
    (void)self;
    if (info == NULL || !valid_place(bus_index, channel) || index < 0 || index >= TYPE_COUNT) {
        return VST_INVALID_ARGUMENT;
    }
    const expression_type *t = &TYPES[index];
    memset(info, 0, sizeof *info);
    info->type_id = t->type_id;
    utf16_from_utf8(info->title, 128, t->title);
    utf16_from_utf8(info->short_title, 128, t->short_title);
    utf16_from_utf8(info->units, 128, t->units);
    info->unit_id = -1;
    info->value_desc.default_value = t->default_value;
    info->value_desc.minimum = 0.0;
    info->value_desc.maximum = 1.0;
    info->value_desc.step_count = 0;
    info->associated_parameter_id = 0xFFFFFFFFu;
    info->flags = t->flags;
    return VST_OK;
}

static tresult x_string_by_value(vst_note_expression_controller *self, int32_t bus_index, int16_t channel,
                                 uint32_t type_id, double value, vst_char16 *string) {
    (void)self;
    const expression_type *t = find(type_id);
    if (string == NULL || t == NULL || !valid_place(bus_index, channel)) {
        return VST_INVALID_ARGUMENT;
    }
    char text[64];
    if (type_id == VST_NOTE_EXPRESSION_TUNING) {
        snprintf(text, sizeof text, "%+.2f", (value - 0.5) * TUNING_SPAN_SEMITONES);
    } else {
        snprintf(text, sizeof text, "%.1f", value * 100.0);
    }
    utf16_from_utf8(string, 128, text);
    return VST_OK;
}

static tresult x_value_by_string(vst_note_expression_controller *self, int32_t bus_index, int16_t channel,
                                 uint32_t type_id, const vst_char16 *string, double *value) {
    (void)self;
    const expression_type *t = find(type_id);
    double number;
    if (string == NULL || value == NULL || t == NULL || !valid_place(bus_index, channel)
        || c_number_parse(string, utf16_length(string, 63), 0, &number) != 0) {
        return VST_FALSE;
    }
    double v = type_id == VST_NOTE_EXPRESSION_TUNING ? number / TUNING_SPAN_SEMITONES + 0.5 : number / 100.0;
    *value = v < 0 ? 0 : v > 1 ? 1 : v;
    return VST_OK;
}

const vst_note_expression_controller_vtbl component_note_expression_vtbl = {
    x_query, x_add_ref, x_release, x_count, x_info, x_string_by_value, x_value_by_string,
};
