package dev.gen.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * The mapped classes found on a user's classpath, and the class loader that loads them.
 *
 * @param classNames entity, mapped-superclass, embeddable and converter classes, sorted by name
 * @param classpath the directories and jars that were scanned
 * @param loader loads the user's classes; gen's own Hibernate and Jakarta Persistence come first
 * @param warnings what the loader left out, filled while Hibernate boots (a live list, read it afterwards)
 */
public record EntitySet(List<String> classNames, List<Path> classpath, ClassLoader loader, List<String> warnings) {
    public EntitySet {
        classNames = List.copyOf(classNames);
        classpath = List.copyOf(classpath);
    }
}
