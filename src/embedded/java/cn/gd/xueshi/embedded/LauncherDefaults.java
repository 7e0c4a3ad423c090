package cn.gd.xueshi.embedded;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The embedded launcher's settings (the embedded servers' addresses and keys, {@code content/}, the
 * demo accounts, cookies without the Secure flag) as a configuration source that ranks just above
 * the packaged {@code application.properties} (250) and below everything a person sets:
 * {@code config/application.properties} (260), {@code .env} (295), the environment (300) and system
 * properties (400). Set as system properties, they hid every documented environment variable.
 */
public final class LauncherDefaults implements ConfigSource {

    static final int ORDINAL = 251;
    private static volatile Map<String, String> supplied = Map.of();

    private final Map<String, String> values;

    /** The source Quarkus loads: what the launcher supplied before it started the application. */
    public LauncherDefaults() {
        this(supplied);
    }

    LauncherDefaults(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Called by the launcher before {@code Quarkus.run}, which reads the configuration. */
    static void supply(Map<String, String> values) {
        supplied = Map.copyOf(values);
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "xueshi embedded launcher defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
