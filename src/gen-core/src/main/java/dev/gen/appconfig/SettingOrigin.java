package dev.gen.appconfig;

/**
 * Where one setting's value came from, for {@code --verbose}.
 *
 * @param value the value as used (never a password; a URL is printed through {@code Secrets.redactUrl})
 * @param source {@code --url}, {@code GEN_URL}, {@code gen.properties}, {@code application.yml (spring.jpa...)},
 *     {@code Spring Boot default}, ...
 */
public record SettingOrigin(String key, String value, String source) {

    @Override
    public String toString() {
        return key + "=" + value + "  (" + source + ")";
    }
}
