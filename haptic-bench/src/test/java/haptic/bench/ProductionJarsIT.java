package haptic.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What users run holds production code only: no bench, fixture, test class or test library in a shipped
 * jar, and each jar holds only the rooms it needs (the panel talks to a server, it does not carry one; the
 * plugin is loaded into a DAW and carries no CLI library). Runs after every module is packaged.
 */
class ProductionJarsIT {
    private static final List<String> NEVER_SHIPPED = List.of(
            "haptic/bench/", "haptic/testkit/", "org/junit/", "org/opentest4j/", "org/apiguardian/");

    @ParameterizedTest
    @CsvSource({
        // module,        a class it must carry,                 prefixes it must not carry
        "haptic-server, haptic/cli/HapticServerMain.class,      haptic/client/ haptic/panel/ haptic/plugin/",
        "haptic-client, haptic/client/HapticMain.class,         haptic/server/ haptic/engine/ haptic/jack/",
        "haptic-panel,  haptic/panel/PanelMain.class,           haptic/server/ haptic/engine/ haptic/jack/",
        "haptic-plugin, haptic/plugin/HapticPlugin.class,       haptic/server/ haptic/client/ picocli/",
    })
    void shippedJarHoldsOnlyItsOwnProductionCode(String module, String required, String forbidden)
            throws IOException {
        Path jar = Path.of(System.getProperty("haptic.root", ".."), module, "target", module + "-all.jar");
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        List<String> notAllowed = new java.util.ArrayList<>(NEVER_SHIPPED);
        notAllowed.addAll(List.of(forbidden.trim().split("\\s+")));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.getEntry(required) != null, jar + " lacks " + required);
            List<String> wrong = file.stream().map(ZipEntry::getName)
                    .filter(name -> notAllowed.stream().anyMatch(name::startsWith) || isTestClass(name))
                    .toList();
            assertEquals(List.of(), wrong, jar + " ships what only tests or benches need");
        }
    }

    private static boolean isTestClass(String entry) {
        String simple = entry.substring(entry.lastIndexOf('/') + 1);
        return entry.startsWith("haptic/") && (simple.endsWith("Test.class") || simple.endsWith("IT.class"));
    }
}
