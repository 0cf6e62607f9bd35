/* Finding or starting the process's one JVM: libjvm location, class path, JNI_CreateJavaVM on a thread with
 * a roomy stack, the URLClassLoader fallback for a JVM someone else started, and attaching host threads.
 * What is looked up inside the JVM once it runs is java_bindings.c. */
#include "java_runtime.h"

#include "host_log.h"
#include "java_bindings.h"
#include "java_location.h"

#include <dirent.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLUGIN_CLASS JAVA_BINDINGS_PLUGIN_CLASS
#define MAX_OPTIONS 64
/* The JVM's first thread gets a roomy stack; the host thread that asks may have a small one. */
#define START_STACK_BYTES (8u << 20)

typedef jint (*get_created_vms_fn)(JavaVM **, jsize, jsize *);
typedef jint (*create_vm_fn)(JavaVM **, void **, void *);

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static java_runtime runtime;
static int ready;
/* Set once a JVM start or class bootstrap failed: HotSpot cannot be created twice in one process. */
static char *permanent_failure;
/* The classpath option and the configured options as given to JNI_CreateJavaVM, kept for the process life
 * ("used" keeps the compiler from dropping stores to a variable nothing reads). */
static char *option_text[2] __attribute__((used));

static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t attached_key;

/* ---- threads ------------------------------------------------------------------------------------ */

/* A host thread java_runtime_env attached, as it exits: HotSpot allows detaching from a TLS destructor. */
static void detach_exiting_thread(void *env) {
    (void)env;
    if (runtime.vm != NULL) {
        (*runtime.vm)->DetachCurrentThread(runtime.vm);
    }
}

/* The first host thread in java_runtime_start, once. */
static void create_attached_key(void) {
    pthread_key_create(&attached_key, detach_exiting_thread);
}

/* Any thread that calls into Java, the audio thread included: after its first call it only reads TLS. */
JNIEnv *java_runtime_env(const java_runtime *rt) {
    JNIEnv *env = pthread_getspecific(attached_key);
    if (env != NULL) {
        return env;
    }
    JavaVM *vm = rt->vm;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) == JNI_OK) {
        return env; /* attached by someone else, who also owns detaching it */
    }
    JavaVMAttachArgs args = {JNI_VERSION_1_8, "haptic-plugin-host", NULL};
    if ((*vm)->AttachCurrentThreadAsDaemon(vm, (void **)&env, &args) != JNI_OK) {
        return NULL;
    }
    pthread_setspecific(attached_key, env);
    return env;
}

/* ---- JVM hooks: its messages go to the host log ----------------------------------------------- */

/* Any JVM thread. */
static jint JNICALL jvm_vfprintf(FILE *stream, const char *format, va_list args) {
    (void)stream;
    return host_log_raw(format, args);
}

/* The JVM thread that calls System.exit. */
static void JNICALL jvm_exit(jint code) {
    host_log("the JVM is terminating the host process (exit code %d)", (int)code);
}

/* The JVM thread that aborts. */
static void JNICALL jvm_abort(void) {
    host_log("the JVM is aborting the host process");
}

/* ---- classpath and options -------------------------------------------------------------------- */

/* The host thread in java_runtime_start (qsort's comparator). */
static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The host thread in java_runtime_start. */
static int is_jar(const char *name) {
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".jar") == 0;
}

/* The host thread in java_runtime_start. Every jar in the Resources directory, sorted, ':'-separated (caller
 * frees); NULL if there is none. */
static char *jar_classpath(const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        return NULL;
    }
    char **names = NULL;
    size_t count = 0;
    size_t length = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (!is_jar(entry->d_name)) {
            continue;
        }
        char **grown = realloc(names, (count + 1) * sizeof *names);
        if (grown == NULL) {
            break;
        }
        names = grown;
        names[count] = strdup(entry->d_name);
        if (names[count] == NULL) {
            break;
        }
        length += strlen(dir) + 1 + strlen(names[count]) + 1;
        count++;
    }
    closedir(d);
    char *path = NULL;
    if (count > 0) {
        qsort(names, count, sizeof *names, compare_names);
        path = malloc(length + 1);
        if (path != NULL) {
            path[0] = '\0';
            for (size_t i = 0; i < count; i++) {
                if (i > 0) {
                    strcat(path, ":");
                }
                strcat(path, dir);
                strcat(path, "/");
                strcat(path, names[i]);
            }
        }
    }
    for (size_t i = 0; i < count; i++) {
        free(names[i]);
    }
    free(names);
    return path;
}

/* ---- the plugin class ------------------------------------------------------------------------- */

/*
 * The start thread. A JVM someone else started does not have our jars on its classpath: load the class
 * through a URLClassLoader over them instead.
 */
static jclass load_through_url_loader(JNIEnv *env, const char *classpath) {
    jclass file_class = java_bindings_find_class(env, "java/io/File");
    jclass uri_class = file_class != NULL ? java_bindings_find_class(env, "java/net/URI") : NULL;
    jclass url_class = uri_class != NULL ? java_bindings_find_class(env, "java/net/URL") : NULL;
    jclass loader_class = url_class != NULL ? java_bindings_find_class(env, "java/net/URLClassLoader") : NULL;
    if (loader_class == NULL) {
        return NULL;
    }
    jmethodID file_new = (*env)->GetMethodID(env, file_class, "<init>", "(Ljava/lang/String;)V");
    jmethodID to_uri = (*env)->GetMethodID(env, file_class, "toURI", "()Ljava/net/URI;");
    jmethodID to_url = (*env)->GetMethodID(env, uri_class, "toURL", "()Ljava/net/URL;");
    jmethodID loader_new = (*env)->GetMethodID(env, loader_class, "<init>", "([Ljava/net/URL;)V");
    jmethodID load = (*env)->GetMethodID(env, loader_class, "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;");
    if (file_new == NULL || to_uri == NULL || to_url == NULL || loader_new == NULL || load == NULL) {
        return NULL;
    }
    jsize jars = 1;
    for (const char *p = classpath; *p != '\0'; p++) {
        jars += *p == ':';
    }
    jobjectArray urls = (*env)->NewObjectArray(env, jars, url_class, NULL);
    char *copy = urls != NULL ? strdup(classpath) : NULL;
    if (copy == NULL) {
        return NULL;
    }
    jclass loaded = NULL;
    /* Each step runs only if the one before left no exception pending. */
    char *save = NULL;
    jsize i = 0;
    for (char *jar = strtok_r(copy, ":", &save); jar != NULL && i < jars; jar = strtok_r(NULL, ":", &save)) {
        jstring name = (*env)->NewStringUTF(env, jar);
        jobject file = name != NULL ? (*env)->NewObject(env, file_class, file_new, name) : NULL;
        jobject uri = file != NULL ? (*env)->CallObjectMethod(env, file, to_uri) : NULL;
        jobject url = uri != NULL && !(*env)->ExceptionCheck(env) ? (*env)->CallObjectMethod(env, uri, to_url) : NULL;
        if (url == NULL || (*env)->ExceptionCheck(env)) {
            goto done;
        }
        (*env)->SetObjectArrayElement(env, urls, i++, url);
    }
    jobject loader = (*env)->NewObject(env, loader_class, loader_new, urls);
    jstring binary_name = loader != NULL ? (*env)->NewStringUTF(env, "haptic.plugin.HapticPlugin") : NULL;
    if (binary_name != NULL) {
        loaded = (jclass)(*env)->CallObjectMethod(env, loader, load, binary_name);
    }
done:
    free(copy);
    return loaded;
}

/* The start thread: everything the shim needs from Java, looked up before any plugin instance exists. */
static int bootstrap(JNIEnv *env, int created_here, const char *classpath, const char *libjvm) {
    if ((*env)->PushLocalFrame(env, 64) != JNI_OK) {
        return -1;
    }
    int ok = -1;
    if (java_bindings_resolve_trace(env) != 0) {
        host_log("the JVM lacks java.io.StringWriter/PrintWriter; exceptions will be logged without traces");
    }
    jclass cls = created_here ? (*env)->FindClass(env, PLUGIN_CLASS) : load_through_url_loader(env, classpath);
    if (cls == NULL) {
        java_runtime_report_exception(env, "loading " PLUGIN_CLASS);
        host_log("cannot load %s from %s", PLUGIN_CLASS, classpath);
    } else {
        runtime.plugin_class = (*env)->NewGlobalRef(env, cls);
        if (runtime.plugin_class != NULL && java_bindings_resolve_plugin(env, &runtime) == 0) {
            java_bindings_log_identity(env, &runtime, libjvm);
            ok = 0;
        }
    }
    (*env)->PopLocalFrame(env, NULL);
    return ok;
}

/* ---- starting ----------------------------------------------------------------------------------- */

typedef struct {
    const plugin_bundle *bundle;
    const char *libjvm;
    get_created_vms_fn get_created;
    create_vm_fn create;
    char *classpath;
    int attempted_create;
    int ok;
} start_job;

/* The start thread. */
static int add_option(JavaVMOption *options, int *count, char *text, void *extra) {
    if (*count >= MAX_OPTIONS) {
        host_log("too many JVM options (at most %d); ignoring %s", MAX_OPTIONS, text);
        return -1;
    }
    options[*count].optionString = text;
    options[*count].extraInfo = extra;
    (*count)++;
    return 0;
}

/* The start thread, which becomes the JVM's first thread. */
static JNIEnv *create_vm(start_job *job) {
    JavaVMOption options[MAX_OPTIONS];
    int count = 0;
    size_t cp_length = strlen(job->classpath) + sizeof "-Djava.class.path=";
    char *cp_option = malloc(cp_length);
    char *user = job->bundle->options != NULL ? strdup(job->bundle->options) : NULL;
    if (cp_option == NULL || (job->bundle->options != NULL && user == NULL)) {
        free(cp_option);
        free(user);
        return NULL;
    }
    snprintf(cp_option, cp_length, "-Djava.class.path=%s", job->classpath);
    add_option(options, &count, cp_option, NULL);
    /* The host owns SIGINT/SIGTERM/SIGHUP/SIGQUIT: Ctrl+C must not run the JVM's shutdown. */
    add_option(options, &count, "-Xrs", NULL);
    add_option(options, &count, "vfprintf", (void *)jvm_vfprintf);
    add_option(options, &count, "exit", (void *)jvm_exit);
    add_option(options, &count, "abort", (void *)jvm_abort);
    if (user != NULL) {
        char *save = NULL;
        for (char *o = strtok_r(user, " \t", &save); o != NULL; o = strtok_r(NULL, " \t", &save)) {
            add_option(options, &count, o, NULL);
        }
    }
    JavaVMInitArgs args;
    args.version = JNI_VERSION_1_8;
    args.nOptions = count;
    args.options = options;
    args.ignoreUnrecognized = JNI_FALSE;
    JavaVM *vm = NULL;
    JNIEnv *env = NULL;
    job->attempted_create = 1;
    jint rc = job->create(&vm, (void **)&env, &args);
    /* The option strings stay allocated: the JNI specification does not say the JVM copies them. */
    option_text[0] = cp_option;
    option_text[1] = user;
    if (rc != JNI_OK) {
        host_log("the JVM did not start (JNI_CreateJavaVM returned %d) with %s and options \"%s\"", (int)rc,
                 job->libjvm, job->bundle->options != NULL ? job->bundle->options : "");
        return NULL;
    }
    runtime.vm = vm;
    return env;
}

/* The start thread, created by run_start with a stack the JVM is content with. */
static void *start_on_own_thread(void *arg) {
    start_job *job = arg;
    JavaVM *existing = NULL;
    jsize n = 0;
    JNIEnv *env = NULL;
    int created_here = 0;
    if (job->get_created(&existing, 1, &n) == JNI_OK && n > 0) {
        runtime.vm = existing;
        if ((*existing)->AttachCurrentThread(existing, (void **)&env, NULL) != JNI_OK) {
            host_log("cannot attach to the JVM already running in this process");
            return NULL;
        }
        host_log("using the JVM already running in this process");
    } else {
        env = create_vm(job);
        created_here = 1;
    }
    if (env == NULL) {
        return NULL;
    }
    job->ok = bootstrap(env, created_here, job->classpath, job->libjvm) == 0;
    (*runtime.vm)->DetachCurrentThread(runtime.vm);
    return NULL;
}

/* The host thread in java_runtime_start: waits for the start thread. */
static void run_start(start_job *job) {
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, START_STACK_BYTES);
    if (pthread_create(&thread, &attr, start_on_own_thread, job) == 0) {
        pthread_join(thread, NULL);
    } else {
        host_log("cannot create a thread to start the JVM");
    }
    pthread_attr_destroy(&attr);
}

/* The host thread in java_runtime_start. A libjvm some other part of the host process already loaded, if
 * any. */
static void *loaded_libjvm(void) {
    return dlopen("libjvm.so", RTLD_LAZY | RTLD_NOLOAD);
}

/* The host thread in java_runtime_start, under start_lock. */
static void fail_permanently(const char *why) {
    free(permanent_failure);
    permanent_failure = strdup(why);
}

/* Any host thread; serialised by start_lock, which every path leaves through the one unlock at the end. */
const java_runtime *java_runtime_start(const plugin_bundle *bundle) {
    pthread_once(&key_once, create_attached_key);
    pthread_mutex_lock(&start_lock);
    start_job job = {.bundle = bundle};
    char *libjvm_path = NULL;
    if (ready) {
        goto done;
    }
    if (permanent_failure != NULL) {
        host_log("Java is unavailable in this process: %s", permanent_failure);
        goto done;
    }
    void *lib = loaded_libjvm();
    if (lib == NULL) {
        char tried[2048];
        libjvm_path = java_location_find(bundle, tried, sizeof tried);
        if (libjvm_path == NULL) {
            host_log("no Java runtime found, the plugin cannot start. Looked at: %s. Install a JDK/JRE 17 or "
                     "newer, or set jvm=/path/to/libjvm.so in %s", tried, bundle->conf_path);
            goto done;
        }
        lib = dlopen(libjvm_path, RTLD_NOW | RTLD_LOCAL);
        if (lib == NULL) {
            host_log("cannot load %s: %s", libjvm_path, dlerror());
            goto done;
        }
    }
    job.libjvm = libjvm_path != NULL ? libjvm_path : "libjvm.so already loaded";
    job.get_created = (get_created_vms_fn)dlsym(lib, "JNI_GetCreatedJavaVMs");
    job.create = (create_vm_fn)dlsym(lib, "JNI_CreateJavaVM");
    job.classpath = jar_classpath(bundle->resources_dir);
    if (job.get_created == NULL || job.create == NULL) {
        host_log("%s is not a JVM library (no JNI_CreateJavaVM)", job.libjvm);
    } else if (job.classpath == NULL) {
        host_log("no .jar in %s: the bundle is incomplete", bundle->resources_dir);
    } else {
        run_start(&job);
        if (job.ok) {
            ready = 1;
        } else if (job.attempted_create || runtime.vm != NULL) {
            fail_permanently("the JVM or the plugin classes failed to start earlier (see above)");
        }
    }
done:
    /* libjvm stays loaded for the life of the process: a JVM cannot be unloaded. */
    free(job.classpath);
    free(libjvm_path);
    /* Read before unlocking: another host thread may be setting ready once the lock is free. */
    const java_runtime *started = ready ? &runtime : NULL;
    pthread_mutex_unlock(&start_lock);
    return started;
}
