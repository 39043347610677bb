package dev.gen.hibernate;

import dev.gen.scan.EntitySet;
import java.util.HashSet;
import java.util.Set;

/**
 * Says why Hibernate's boot failed, in terms a user can act on: an extension from the entity classpath that failed
 * in its own code (named, with {@code --exclude-service}), a class missing from the classpath (named, with the
 * entry to add), or the mapping itself.
 */
final class BootFailures {

    private BootFailures() {
    }

    static UnsupportedMappingException explain(Throwable failure, EntitySet entities) {
        java.util.List<String> userFrames = userFrames(failure, entities.loader());
        Set<String> providers = dev.gen.scan.EntityScanner.serviceProviders(entities.loader());
        String extension = userFrames.stream().filter(providers::contains).findFirst().orElse(null);
        String culprit = userFrames.isEmpty() ? null : userFrames.get(0);
        String missing = missingClass(failure);
        if (missing == null || entities.classNames().contains(missing)) {
            // Hibernate reports the mapped class it could not load, not what that class lacks: load it here
            Throwable cause = unloadable(entities);
            if (cause != null) {
                culprit = cause.getMessage();
                String lacking = missingClass(cause.getCause());
                missing = lacking != null ? lacking : missing;
            }
        }
        if (extension != null) {
            return new UnsupportedMappingException("The Hibernate extension " + extension + " on the entity"
                    + " classpath failed while Hibernate started: " + failure + (missing == null ? ""
                            : " (it needs " + missing + ", which is not on the classpath)") + ". gen cannot build the"
                    + " schema with it; if the extension does not change the schema, leave it out with"
                    + " --exclude-service " + extension + " (exclude-service= in gen.properties), or add what it"
                    + " needs to --classpath.");
        }
        if (missing != null) {
            return new UnsupportedMappingException("The class " + missing + " is not on the entity classpath, but "
                    + (culprit != null ? culprit : "a mapped class") + " needs it (as a superclass, a field's"
                    + " type or an annotation). Add the directory or jar that holds " + missing + " to --classpath"
                    + " (for a Maven project: mvn dependency:build-classpath prints the jars).");
        }
        if (failure instanceof LinkageError) {
            return new UnsupportedMappingException("An entity class needs " + failure.getMessage() + ", which does"
                    + " not link on the entity classpath (" + failure.getClass().getSimpleName() + "). Add the jars"
                    + " your entities depend on to --classpath (for a Maven project: mvn dependency:build-classpath"
                    + " prints them).");
        }
        return new UnsupportedMappingException("Hibernate rejected the entity model: "
                + HibernateBoot.rootMessage(failure) + ". Fix the mapping (the application would fail to start"
                + " with the same error), recompile, and run gen again.");
    }

    /** The classes of the user's classpath on the failure's stack, innermost first: whose code failed. */
    private static java.util.List<String> userFrames(Throwable failure, ClassLoader userLoader) {
        java.util.List<String> frames = new java.util.ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                try {
                    Class<?> type = Class.forName(frame.getClassName(), false, userLoader);
                    if (type.getClassLoader() == userLoader && !frames.contains(type.getName())) {
                        frames.add(type.getName());
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // a frame of a class that is gone, generated or hidden: not the one to name
                }
            }
        }
        return frames;
    }

    /**
     * The first mapped class that cannot be loaded (its superclass or an interface is missing), as an exception
     * whose message is its name and whose cause is the loader's error; or null.
     */
    private static Throwable unloadable(EntitySet entities) {
        for (String name : entities.classNames()) {
            try {
                Class.forName(name, false, entities.loader());
            } catch (ClassNotFoundException | LinkageError e) {
                return new IllegalStateException(name, e);
            }
        }
        return null;
    }

    /**
     * The class named by the innermost NoClassDefFoundError, ClassNotFoundException or TypeNotPresentException in
     * the chain (the outer ones are Hibernate's wrappers, naming the entity it was loading), or null.
     */
    private static String missingClass(Throwable failure) {
        String missing = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof TypeNotPresentException absent) {
                missing = absent.typeName();
            } else if ((t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException)
                    && t.getMessage() != null) {
                java.util.regex.Matcher name = CLASS_NAME.matcher(t.getMessage());
                if (name.find()) {
                    missing = name.group().replace('/', '.');
                }
            }
        }
        return missing;
    }

    /** A binary class name as these errors print it ({@code base/Audited}, {@code base.Audited$Inner}). */
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*([./][\\p{L}_$][\\p{L}\\p{N}_$]*)+");
}
