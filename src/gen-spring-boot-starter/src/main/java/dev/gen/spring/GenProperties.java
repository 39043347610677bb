package dev.gen.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gen.*} properties, named after Flyway's where they mean the same. */
@ConfigurationProperties(prefix = "gen")
public class GenProperties {

    /** Whether to apply gen's migrations at start-up. */
    private boolean enabled = true;

    /**
     * Packages of migration classes, the application's own first, then those that libraries ship; each is a
     * location, recorded in the history.
     */
    private List<String> locations = new ArrayList<>(List.of("db.migration"));

    /** Name of the history table, in the first of {@link #schemas}. */
    private String historyTable = "gen_migrations";

    /** Schemas gen manages; the first holds the history table. */
    private List<String> schemas = new ArrayList<>(List.of("public"));

    /** Adopt a database that has tables but no history: record migrations up to baseline-version as applied. */
    private boolean baselineOnMigrate;

    /** The version (14 digits) baseline-on-migrate records up to. */
    private String baselineVersion;

    /** How long to wait for another instance that is migrating the same database. */
    private Duration lockWait = Duration.ofMinutes(5);

    /** Apply the application's own pending migrations older than its newest applied one. */
    private boolean outOfOrder;

    /** Validate migrations against the history before applying (gen always does; false is refused). */
    private boolean validateOnMigrate = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public List<String> getSchemas() {
        return schemas;
    }

    public void setSchemas(List<String> schemas) {
        this.schemas = schemas;
    }

    public boolean isBaselineOnMigrate() {
        return baselineOnMigrate;
    }

    public void setBaselineOnMigrate(boolean baselineOnMigrate) {
        this.baselineOnMigrate = baselineOnMigrate;
    }

    public String getBaselineVersion() {
        return baselineVersion;
    }

    public void setBaselineVersion(String baselineVersion) {
        this.baselineVersion = baselineVersion;
    }

    public Duration getLockWait() {
        return lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }

    public boolean isOutOfOrder() {
        return outOfOrder;
    }

    public void setOutOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    public boolean isValidateOnMigrate() {
        return validateOnMigrate;
    }

    public void setValidateOnMigrate(boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }
}
