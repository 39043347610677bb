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
 * copies an application's dependency folder carries; or, isolating the application's own Hibernate (see
 * {@link #ISOLATED_PACKAGE}), the application's classes first, with gen's Hibernate side loaded from gen-core's
 * own code source so that it links against the application's Hibernate. Service registrations ({@code META-INF/services}) from the
 * user's jars pass through a filter: a provider excluded by name, or whose class cannot be linked against gen's
 * Hibernate 7 (an extension built for Hibernate 5 or 6), is left out with a warning instead of failing the boot.
 */
final class EntityClassLoader extends URLClassLoader {

    private static final String SERVICES = "META-INF/services/";

    /**
     * gen's Hibernate side: loaded anew, from gen-core's code source, by an isolating loader, except for the types
     * that carry its input and result across the boundary (they name no Hibernate type).
     */
    static final String ISOLATED_PACKAGE = "dev.gen.hibernate.";
    static final Set<String> SHARED_TYPES = Set.of("dev.gen.hibernate.TargetModel", "dev.gen.hibernate.TargetSettings",
            "dev.gen.hibernate.UnsupportedMappingException");

    private final Set<String> excludedProviders;
    /** The application's hibernate-core version this loader isolates, or null when gen's own comes first. */
    private final String isolatedHibernate;
    private final List<String> warnings;
    private final Path filteredServices;
    /** Providers from the user's service files that were let through, for naming one that fails later. */
    private final Set<String> keptProviders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    EntityClassLoader(URL[] urls, ClassLoader parent, Set<String> excludedProviders, List<String> warnings) {
        this(urls, parent, excludedProviders, warnings, null);
    }

    /** @param isolatedHibernate the application's hibernate-core version to load first, or null for gen's own */
    EntityClassLoader(URL[] urls, ClassLoader parent, Set<String> excludedProviders, List<String> warnings,
            String isolatedHibernate) {
        super(isolatedHibernate == null ? "gen-entities" : "gen-entities-hibernate-" + isolatedHibernate,
                isolatedHibernate == null ? urls : withGensHibernateSide(urls), parent);
        this.isolatedHibernate = isolatedHibernate;
        this.excludedProviders = Set.copyOf(excludedProviders);
        this.warnings = warnings;
        try {
            this.filteredServices = Files.createTempDirectory("gen-services");
            this.filteredServices.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String isolatedHibernate() {
        return isolatedHibernate;
    }

    /** gen-core's code source last, for the classes of {@link #ISOLATED_PACKAGE}. */
    private static URL[] withGensHibernateSide(URL[] urls) {
        URL[] all = java.util.Arrays.copyOf(urls, urls.length + 1);
        all[urls.length] = EntityClassLoader.class.getProtectionDomain().getCodeSource().getLocation();
        return all;
    }

    /**
     * Isolating: the JDK and gen's other packages (the model, the scan, the shared types) come from gen's loader, so
     * that what the isolated Hibernate side returns is of gen's types; the rest from the application's classpath
     * first. Hibernate and Jakarta Persistence never fall back to gen's copies: a class the application's version
     * lacks must fail as it would in the application.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isolatedHibernate == null || sharedWithGen(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                try {
                    type = ClassLoader.getPlatformClassLoader().loadClass(name);
                } catch (ClassNotFoundException notJdk) {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notApplications) {
                        if (name.startsWith("org.hibernate.") || name.startsWith("jakarta.persistence.")) {
                            throw notApplications;
                        }
                        type = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private static boolean sharedWithGen(String name) {
        return name.startsWith("java.")
                || name.startsWith("dev.gen.") && (!name.startsWith(ISOLATED_PACKAGE) || SHARED_TYPES.contains(name));
    }

    /** Isolating, the application's resources come first and gen's Hibernate's never: only its own jars answer. */
    @Override
    public URL getResource(String name) {
        if (isolatedHibernate == null) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : ClassLoader.getPlatformClassLoader().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return isolatedHibernate == null ? super.getResources(name) : findResources(name);
        }
        List<URL> result = isolatedHibernate == null ? Collections.list(getParent().getResources(name))
                : new ArrayList<>();
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
            return "it does not load under " + (isolatedHibernate == null ? "gen's Hibernate ORM 7"
                    : "Hibernate ORM " + isolatedHibernate) + " (" + e + "). Exclude it with --exclude-service "
                    + provider + " to silence this.";
        }
    }
}
