/*
 * The module's exports (ModuleEntry, ModuleExit, GetPluginFactory) and its class factory. Loading the module
 * and listing its classes never starts Java; the first createInstance does.
 */
#include "haptic_component.h"
#include "host_log.h"
#include "java_runtime.h"
#include "plugin_bundle.h"
#include "utf16_text.h"
#include "vst3_abi.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

#ifndef HAPTIC_VERSION
#error "HAPTIC_VERSION comes from the Makefile (the Maven project version)"
#endif

#define VENDOR "Haptic"
#define CLASS_NAME "Haptic Controller"
#define CLASS_CATEGORY "Audio Module Class"
#define SUB_CATEGORIES "Instrument"
#define SDK_VERSION "VST 3.7.14"

static const vst_tuid CLASS_ID = VST_UID(0x3D92FF53, 0x678F4513, 0xA75EC268, 0x0DBBF1BB);

/* ---- module state: the bundle's configuration and the log --------------------------------------- */

static pthread_mutex_t module_lock = PTHREAD_MUTEX_INITIALIZER;
static int entries;
static int loaded;
static plugin_bundle bundle;

static void load_module(void) {
    if (loaded) {
        return;
    }
    if (plugin_bundle_load(&bundle) != 0) {
        return;
    }
    loaded = 1;
    host_log_open(bundle.log);
}

static void unload_module(void) {
    if (!loaded) {
        return;
    }
    plugin_bundle_free(&bundle);
    host_log_close();
    loaded = 0;
}

EXPORT bool ModuleEntry(void *library_handle) {
    (void)library_handle;
    pthread_mutex_lock(&module_lock);
    entries++;
    load_module();
    pthread_mutex_unlock(&module_lock);
    return true;
}

/* The JVM stays: HotSpot cannot be started again in the same process, and the module is never unloaded. */
EXPORT bool ModuleExit(void) {
    pthread_mutex_lock(&module_lock);
    if (entries > 0 && --entries == 0) {
        unload_module();
    }
    pthread_mutex_unlock(&module_lock);
    return true;
}

/* ---- the factory: a static object, counted like any other --------------------------------------- */

typedef struct {
    vst_plugin_factory iface;
    atomic_uint refs;
    vst_funknown *host_context;
} class_factory;

static const vst_plugin_factory_vtbl factory_vtbl;
static class_factory factory = {.iface = {&factory_vtbl}};

static tresult f_query(vst_plugin_factory *self, const char *iid, void **obj) {
    if (obj == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    if (vst_iid_equal(iid, VST_IID_FUNKNOWN) || vst_iid_equal(iid, VST_IID_PLUGIN_FACTORY)
        || vst_iid_equal(iid, VST_IID_PLUGIN_FACTORY2) || vst_iid_equal(iid, VST_IID_PLUGIN_FACTORY3)) {
        self->vtbl->add_ref(self);
        *obj = self;
        return VST_OK;
    }
    *obj = NULL;
    return VST_NO_INTERFACE;
}

static uint32_t f_add_ref(vst_plugin_factory *self) {
    (void)self;
    return atomic_fetch_add(&factory.refs, 1) + 1;
}

static uint32_t f_release(vst_plugin_factory *self) {
    (void)self;
    uint32_t left = atomic_fetch_sub(&factory.refs, 1) - 1;
    if (left == 0 && factory.host_context != NULL) {
        factory.host_context->vtbl->release(factory.host_context);
        factory.host_context = NULL;
    }
    return left;
}

static tresult f_get_factory_info(vst_plugin_factory *self, vst_factory_info *info) {
    (void)self;
    if (info == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    memset(info, 0, sizeof *info);
    strncpy(info->vendor, VENDOR, sizeof info->vendor - 1);
    info->flags = VST_FACTORY_UNICODE;
    return VST_OK;
}

static int32_t f_count_classes(vst_plugin_factory *self) {
    (void)self;
    return 1;
}

static tresult f_get_class_info(vst_plugin_factory *self, int32_t index, vst_class_info *info) {
    (void)self;
    if (info == NULL || index != 0) {
        return VST_INVALID_ARGUMENT;
    }
    memset(info, 0, sizeof *info);
    memcpy(info->cid, CLASS_ID, sizeof info->cid);
    info->cardinality = VST_MANY_INSTANCES;
    strncpy(info->category, CLASS_CATEGORY, sizeof info->category - 1);
    strncpy(info->name, CLASS_NAME, sizeof info->name - 1);
    return VST_OK;
}

static tresult f_get_class_info2(vst_plugin_factory *self, int32_t index, vst_class_info2 *info) {
    (void)self;
    if (info == NULL || index != 0) {
        return VST_INVALID_ARGUMENT;
    }
    memset(info, 0, sizeof *info);
    memcpy(info->cid, CLASS_ID, sizeof info->cid);
    info->cardinality = VST_MANY_INSTANCES;
    strncpy(info->category, CLASS_CATEGORY, sizeof info->category - 1);
    strncpy(info->name, CLASS_NAME, sizeof info->name - 1);
    info->class_flags = 0; /* not distributable: the controller is the component itself */
    strncpy(info->sub_categories, SUB_CATEGORIES, sizeof info->sub_categories - 1);
    strncpy(info->vendor, VENDOR, sizeof info->vendor - 1);
    strncpy(info->version, HAPTIC_VERSION, sizeof info->version - 1);
    strncpy(info->sdk_version, SDK_VERSION, sizeof info->sdk_version - 1);
    return VST_OK;
}

static tresult f_get_class_info_unicode(vst_plugin_factory *self, int32_t index, vst_class_info_w *info) {
    (void)self;
    if (info == NULL || index != 0) {
        return VST_INVALID_ARGUMENT;
    }
    memset(info, 0, sizeof *info);
    memcpy(info->cid, CLASS_ID, sizeof info->cid);
    info->cardinality = VST_MANY_INSTANCES;
    strncpy(info->category, CLASS_CATEGORY, sizeof info->category - 1);
    utf16_from_utf8(info->name, 64, CLASS_NAME);
    info->class_flags = 0;
    strncpy(info->sub_categories, SUB_CATEGORIES, sizeof info->sub_categories - 1);
    utf16_from_utf8(info->vendor, 64, VENDOR);
    utf16_from_utf8(info->version, 64, HAPTIC_VERSION);
    utf16_from_utf8(info->sdk_version, 64, SDK_VERSION);
    return VST_OK;
}

static tresult f_create_instance(vst_plugin_factory *self, const char *cid, const char *iid, void **obj) {
    (void)self;
    if (obj == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    *obj = NULL;
    if (!vst_iid_equal(cid, CLASS_ID)) {
        return VST_NO_INTERFACE;
    }
    pthread_mutex_lock(&module_lock);
    load_module();
    const java_runtime *rt = loaded ? java_runtime_start(&bundle) : NULL;
    char *resources = rt != NULL ? strdup(bundle.resources_dir) : NULL;
    pthread_mutex_unlock(&module_lock);
    if (rt == NULL) {
        host_log("cannot create an instance: Java is not available (see the messages above)");
        return VST_INTERNAL_ERROR;
    }
    haptic_component *c = resources != NULL ? haptic_component_create(rt, resources) : NULL;
    free(resources);
    if (c == NULL) {
        host_log("cannot create an instance: out of memory");
        return VST_OUT_OF_MEMORY;
    }
    tresult r = haptic_component_query(c, iid, obj);
    haptic_component_release(c);
    return r;
}

static tresult f_set_host_context(vst_plugin_factory *self, vst_funknown *context) {
    (void)self;
    if (context != NULL) {
        context->vtbl->add_ref(context);
    }
    if (factory.host_context != NULL) {
        factory.host_context->vtbl->release(factory.host_context);
    }
    factory.host_context = context;
    return VST_OK;
}

static const vst_plugin_factory_vtbl factory_vtbl = {
    f_query, f_add_ref, f_release,
    f_get_factory_info, f_count_classes, f_get_class_info, f_create_instance,
    f_get_class_info2,
    f_get_class_info_unicode, f_set_host_context,
};

EXPORT vst_plugin_factory *GetPluginFactory(void) {
    pthread_mutex_lock(&module_lock);
    load_module();
    pthread_mutex_unlock(&module_lock);
    factory.iface.vtbl->add_ref(&factory.iface);
    return &factory.iface;
}
