package dev.gen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar, without loading anything heavy. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/gen/core/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"gen " + properties.getProperty("version", "development")
                + " (Hibernate ORM " + properties.getProperty("hibernate", "?") + ", PostgreSQL)"};
    }
}
