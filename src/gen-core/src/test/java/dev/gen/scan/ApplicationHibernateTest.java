package dev.gen.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Hibernate an application's classpath carries, and which gen refuses to map with. */
class ApplicationHibernateTest {

    @TempDir
    Path work;

    @Test
    void theVersionComesFromTheJarsName() {
        List<Path> classpath = List.of(Path.of("target/classes"), Path.of("lib/jboss-logging-3.6.1.Final.jar"),
                Path.of("lib/hibernate-core-6.6.33.Final.jar"), Path.of("lib/hibernate-core-7.2.25.Final.jar"));
        assertEquals(Optional.of("6.6.33.Final"), ApplicationHibernate.otherThanGens(classpath));
        assertEquals(Optional.empty(), ApplicationHibernate.otherThanGens(List.of(Path.of("target/classes"))));
    }

    @Test
    void gensOwnVersionIsNotIsolated() {
        assertEquals(Optional.empty(), ApplicationHibernate.otherThanGens(
                List.of(Path.of("hibernate-core-" + ApplicationHibernate.GENS_VERSION + ".jar"))));
    }

    @Test
    void aRenamedJarIsReadFromItsManifest() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "7.1.35.Final");
        Path jar = work.resolve("hibernate-core.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest alone
        }
        assertEquals(Optional.of("7.1.35.Final"), ApplicationHibernate.otherThanGens(List.of(jar)));
    }

    @Test
    void versionsBefore66AreRefusedNamingTheFix() {
        assertEquals("6.6.0.Final", ApplicationHibernate.checked("6.6.0.Final"));
        for (String old : List.of("6.5.3.Final", "6.4.10.Final", "5.6.15.Final")) {
            ScanException refused = assertThrows(ScanException.class, () -> ApplicationHibernate.otherThanGens(
                    List.of(Path.of("hibernate-core-" + old + ".jar"))));
            assertTrue(refused.getMessage().startsWith("The entity classpath carries hibernate-core " + old + ","),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("Upgrade the application to Hibernate ORM 6.6 or later"),
                    refused.getMessage());
        }
    }
}
