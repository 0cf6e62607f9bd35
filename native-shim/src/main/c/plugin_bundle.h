/*
 * Where the plugin's files are (found from the loaded .so's own path) and what its configuration file says.
 *
 *   HapticController.vst3/Contents/x86_64-linux/HapticController.so
 *   HapticController.vst3/Contents/Resources/haptic-plugin.conf   key=value lines, '#' comments
 *   HapticController.vst3/Contents/Resources/<name>.jar           the Java classpath (every jar)
 */
#ifndef HAPTIC_PLUGIN_BUNDLE_H
#define HAPTIC_PLUGIN_BUNDLE_H

typedef struct {
    char *resources_dir;
    char *conf_path;
    /* From the configuration; NULL when absent or empty. */
    char *jvm;
    char *java_home;
    char *options;
    char *log; /* NULL: stderr only */
} plugin_bundle;

/* Fills b for the bundle holding this .so; 0 on success. A missing configuration file is not an error. */
int plugin_bundle_load(plugin_bundle *b);
void plugin_bundle_free(plugin_bundle *b);

#endif
