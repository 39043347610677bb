package dev.gen.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * Loads the user's classes after gen's own, so that gen's Hibernate and Jakarta Persistence always win over the
 * copies an application's dependency folder carries. Service registrations ({@code META-INF/services}) from the
 * user's jars pass through a filter: a provider excluded by name, or whose class cannot be linked against gen's
 * Hibernate 7 (an extension built for Hibernate 5 or 6), is left out with a warning instead of failing the boot.
 */
final class EntityClassLoader extends URLClassLoader {

    private static final String SERVICES = "META-INF/services/";

    private final Set<String> excludedProviders;
    private final List<String> warnings;
    private final Path filteredServices;
    /** Providers from the user's service files that were let through, for naming one that fails later. */
    private final Set<String> keptProviders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    EntityClassLoader(URL[] urls, ClassLoader parent, Set<String> excludedProviders, List<String> warnings) {
        super("gen-entities", urls, parent);
        this.excludedProviders = Set.copyOf(excludedProviders);
        this.warnings = warnings;
        try {
            this.filteredServices = Files.createTempDirectory("gen-services");
            this.filteredServices.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return super.getResources(name);
        }
        List<URL> result = Collections.list(getParent().getResources(name));
        Enumeration<URL> own = findResources(name);
        int index = 0;
        while (own.hasMoreElements()) {
            result.add(filtered(name, own.nextElement(), index++));
        }
        return Collections.enumeration(result);
    }

    /** The user's service file with the providers that cannot work left out. */
    private URL filtered(String name, URL original, int index) throws IOException {
        String service = name.substring(SERVICES.length());
        List<String> kept = new ArrayList<>();
        boolean changed = false;
        try (InputStream in = original.openStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String provider = line.replaceAll("#.*", "").trim();
                if (provider.isEmpty()) {
                    continue;
                }
                String problem = problem(provider);
                if (problem == null) {
                    kept.add(provider);
                    keptProviders.add(provider);
                } else {
                    changed = true;
                    warn("Skipped the " + service + " provider " + provider + " registered in " + original
                            + ": " + problem);
                }
            }
        }
        if (!changed) {
            return original;
        }
        Path file = filteredServices.resolve(index + "-" + service);
        Files.write(file, kept, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file.toUri().toURL();
    }

    /** The service providers from the user's classpath handed to Hibernate so far. */
    Set<String> keptProviders() {
        return Set.copyOf(keptProviders);
    }

    /** Hibernate looks services up more than once; say each thing once. */
    private void warn(String warning) {
        synchronized (warnings) {
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
    }

    private String problem(String provider) {
        if (excludedProviders.contains(provider)) {
            return "excluded by --exclude-service.";
        }
        try {
            Class<?> type = Class.forName(provider, false, this);
            type.getDeclaredConstructors(); // links the signatures: an extension built for another Hibernate fails here
            type.getDeclaredMethods();
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "it does not load under gen's Hibernate ORM 7 (" + e + "). Exclude it with --exclude-service "
                    + provider + " to silence this.";
        }
    }
}
