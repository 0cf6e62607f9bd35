/* The component's state is whatever Java's getState() returns, written to the host's stream unchanged. */
#include "haptic_component.h"

#include "host_log.h"

#include <stdlib.h>

#define READ_CHUNK 4096
/* A saved state is a few hundred bytes; anything near this is not ours. */
#define MAX_STATE_BYTES (16 << 20)

tresult component_write_state(haptic_component *c, vst_bstream *stream) {
    if (stream == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_NOT_INITIALIZED;
    }
    tresult result = VST_FALSE;
    jbyteArray state = (*env)->CallObjectMethod(env, c->plugin, c->rt->get_state);
    if (!java_runtime_report_exception(env, "getState()") && state != NULL) {
        jsize length = (*env)->GetArrayLength(env, state);
        jbyte *bytes = (*env)->GetByteArrayElements(env, state, NULL);
        if (bytes != NULL) {
            jsize written = 0;
            while (written < length) {
                int32_t n = 0;
                if (stream->vtbl->write(stream, bytes + written, length - written, &n) != VST_OK || n <= 0) {
                    break;
                }
                written += n;
            }
            (*env)->ReleaseByteArrayElements(env, state, bytes, JNI_ABORT);
            result = written == length ? VST_OK : VST_FALSE;
            if (result != VST_OK) {
                host_log("the host's stream took %d of %d state bytes", (int)written, (int)length);
            }
        }
    }
    component_leave(env);
    return result;
}

/* Everything from the stream's position to its end (caller frees); NULL on a read error or oversize. */
static char *read_all(vst_bstream *stream, int32_t *length) {
    int32_t capacity = READ_CHUNK;
    int32_t used = 0;
    char *data = malloc((size_t)capacity);
    while (data != NULL) {
        if (capacity - used < READ_CHUNK) {
            if (capacity >= MAX_STATE_BYTES) {
                host_log("state larger than %d bytes: not ours", MAX_STATE_BYTES);
                free(data);
                return NULL;
            }
            char *grown = realloc(data, (size_t)capacity * 2);
            if (grown == NULL) {
                free(data);
                return NULL;
            }
            data = grown;
            capacity *= 2;
        }
        int32_t n = 0;
        tresult r = stream->vtbl->read(stream, data + used, READ_CHUNK, &n);
        if (n > 0) {
            used += n;
        }
        if (r != VST_OK || n <= 0) {
            break;
        }
    }
    *length = used;
    return data;
}

tresult component_read_state(haptic_component *c, vst_bstream *stream) {
    if (stream == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    int32_t length = 0;
    char *data = read_all(stream, &length);
    if (data == NULL) {
        return VST_FALSE;
    }
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        free(data);
        return VST_NOT_INITIALIZED;
    }
    tresult result = VST_FALSE;
    jbyteArray bytes = (*env)->NewByteArray(env, length);
    if (bytes != NULL) {
        (*env)->SetByteArrayRegion(env, bytes, 0, length, (const jbyte *)data);
        jboolean accepted = (*env)->CallBooleanMethod(env, c->plugin, c->rt->set_state, bytes);
        if (!java_runtime_report_exception(env, "setState()")) {
            result = accepted ? VST_OK : VST_FALSE;
        }
    } else {
        java_runtime_report_exception(env, "allocating the state array");
    }
    component_leave(env);
    free(data);
    return result;
}
