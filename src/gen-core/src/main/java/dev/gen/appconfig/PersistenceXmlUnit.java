package dev.gen.appconfig;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;
import org.hibernate.jpa.boot.spi.PersistenceXmlParser;

/**
 * The persistence unit of the entity classpath's {@code META-INF/persistence.xml}, read by Hibernate's own parser:
 * the one named by {@code --persistence-unit}, or the only one. Its listed classes (all gen maps when
 * {@code exclude-unlisted-classes} is set), mapping files ({@code META-INF/orm.xml} too, as Jakarta Persistence adds
 * it), {@code hibernate.*} / {@code jakarta.persistence.*} properties, shared validation mode and quoting, and its JDBC
 * URL and user as gen's connection defaults. JDBC passwords are never taken from it.
 */
final class PersistenceXmlUnit {

    static final String FILE = "META-INF/persistence.xml";
    static final String DEFAULT_ORM_XML = "META-INF/orm.xml";

    private PersistenceXmlUnit() {
    }

    static void apply(ClasspathResources classpath, String unitName, SettingsCollector into) {
        List<URL> files = classpath.urls(FILE);
        if (files.isEmpty()) {
            if (unitName != null) {
                throw new ApplicationConfigException("--persistence-unit " + unitName + " was given, but the entity"
                        + " classpath holds no " + FILE + ". Drop the option, or put the jar or directory with the"
                        + " persistence.xml on --classpath.");
            }
            return;
        }
        Map<String, PersistenceUnitDescriptor> units;
        try {
            units = new TreeMap<>(PersistenceXmlParser.create().parse(files));
        } catch (RuntimeException e) {
            throw new ApplicationConfigException("Hibernate cannot read " + files + ": " + e.getMessage()
                    + ". Fix the persistence.xml (the application could not start with it either).");
        }
        PersistenceUnitDescriptor unit = choose(units, unitName, files);
        String source = FILE + " (unit " + unit.getName() + ")";
        if (unit.isExcludeUnlistedClasses() && !unit.getManagedClassNames().isEmpty()) {
            into.managedClasses(unit.getManagedClassNames(), source + " <class>, exclude-unlisted-classes");
        }
        List<String> mappingFiles = new ArrayList<>(unit.getMappingFileNames());
        if (!mappingFiles.contains(DEFAULT_ORM_XML) && classpath.contains(DEFAULT_ORM_XML)) {
            mappingFiles.add(0, DEFAULT_ORM_XML);
        }
        if (!mappingFiles.isEmpty()) {
            into.hibernate("hibernate.orm_xml_files", String.join(",", mappingFiles), source + " <mapping-file>");
        }
        if (unit.isUseQuotedIdentifiers()) {
            into.hibernate("hibernate.globally_quoted_identifiers", "true", source + " <delimited-identifiers/>");
        }
        if (unit.getValidationMode() != null) {
            into.hibernate("jakarta.persistence.validation.mode", unit.getValidationMode().name().toLowerCase(Locale.ROOT),
                    source + " <validation-mode>");
        }
        Properties properties = unit.getProperties();
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).trim();
            if (key.equals("jakarta.persistence.jdbc.url") || key.equals("javax.persistence.jdbc.url")
                    || key.equals("hibernate.connection.url")) {
                into.url(value, source + " " + key);
            } else if (key.equals("jakarta.persistence.jdbc.user") || key.equals("javax.persistence.jdbc.user")
                    || key.equals("hibernate.connection.username")) {
                into.user(value, source + " " + key);
            } else if (isSchemaSetting(key)) {
                into.hibernate(key, value, source + " <property>");
            }
        }
    }

    /** Connection settings stay out of the boot: gen boots without a connection and never handles their password. */
    private static boolean isSchemaSetting(String key) {
        return (key.startsWith("hibernate.") || key.startsWith("jakarta.persistence."))
                && !key.startsWith("hibernate.connection.") && !key.startsWith("jakarta.persistence.jdbc.");
    }

    private static PersistenceUnitDescriptor choose(Map<String, PersistenceUnitDescriptor> units, String name,
            List<URL> files) {
        if (name != null) {
            PersistenceUnitDescriptor unit = units.get(name);
            if (unit == null) {
                throw new ApplicationConfigException("The persistence unit " + name + " is not in " + files
                        + "; it declares " + units.keySet() + ". Correct --persistence-unit.");
            }
            return unit;
        }
        if (units.size() != 1) {
            throw new ApplicationConfigException(files + " declares the persistence units " + units.keySet()
                    + ". Name the application's with --persistence-unit <name> (or persistence-unit= in"
                    + " gen.properties).");
        }
        return units.values().iterator().next();
    }
}
