package io.github.eventcat.registry.maven;

import io.github.eventcat.maven.common.PropertyNames.Registry;
import io.github.eventcat.registry.sync.RegistryCredentials;
import io.github.eventcat.runtime.registry.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where the registry goals take secrets from, all out of reach of {@code mvn -X}, which prints the
 * value of every plugin parameter: settings.xml servers, environment variables, and the
 * {@code registry.url} property read here rather than injected (it may carry user info).
 */
final class SecretSources {
    static final String URL_PROPERTY = Registry.URL;
    /** Environment variable with the trust store's password. */
    static final String TRUSTSTORE_PASSWORD_VARIABLE = "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD";
    /** Environment variable with the key store's password. */
    static final String KEYSTORE_PASSWORD_VARIABLE = "SCHEMA_REGISTRY_KEYSTORE_PASSWORD";

    /** Parameters removed because mvn -X printed them, and what replaces each. */
    private static final Map<String, String> REMOVED = Map.of(
            "trustStorePassword",
                    Registry.TRUST_STORE_SERVER_ID + " (a settings.xml <server> whose <password> is the trust store's) "
                            + "or the environment variable " + TRUSTSTORE_PASSWORD_VARIABLE,
            "keyStorePassword",
                    Registry.KEY_STORE_SERVER_ID + " (a settings.xml <server> whose <password> is the key store's) "
                            + "or the environment variable " + KEYSTORE_PASSWORD_VARIABLE);

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final MavenSession session;
    private final MojoExecution execution;
    private final Map<String, String> environment;

    SecretSources(
            Settings settings,
            SettingsDecrypter decrypter,
            MavenSession session,
            MojoExecution execution,
            Map<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.session = session;
        this.execution = execution;
        this.environment = environment;
    }

    /**
     * Fails when a removed password parameter is still set, as a property or in the plugin's
     * configuration, rather than ignoring it and failing later on an unreadable store. The value is
     * never read into the message.
     */
    void refuseRemovedPasswordParameters() throws MojoExecutionException {
        List<String> found = new ArrayList<>();
        for (String name : REMOVED.keySet().stream().sorted().toList()) {
            if (property("registry." + name).isPresent()) {
                found.add("registry." + name + " is set: it is no longer read (mvn -X prints plugin parameters); use "
                        + REMOVED.get(name));
            }
            if (configured(name)) {
                found.add("<" + name + "> is in the plugin configuration: it is no longer read (mvn -X prints plugin "
                        + "parameters, and a password does not belong in the pom); remove it and use "
                        + REMOVED.get(name));
            }
        }
        if (!found.isEmpty()) {
            throw new MojoExecutionException(String.join("\n", found));
        }
    }

    /** The URL list: the plugin configuration's {@code <url>}, else the {@code registry.url} property. */
    String registryUrl(String configured) throws MojoExecutionException {
        if (configured != null && !configured.isBlank()) {
            if (!Redaction.url(configured).equals(configured)) {
                throw new MojoExecutionException(
                        "<url> in the plugin configuration has user info (" + Redaction.url(configured)
                                + "): the pom is no place for a password and mvn -X prints it; pass -D" + URL_PROPERTY
                                + "=… instead, or put the credentials in a settings.xml server (registry.serverId)");
            }
            return configured;
        }
        return property(URL_PROPERTY)
                .orElseThrow(
                        () -> new MojoExecutionException(
                                URL_PROPERTY + " is not set: pass -D" + URL_PROPERTY
                                        + "=https://registry:8081 (comma-separated for failover; Apicurio: http://host:8080/apis/ccompat/v7)"));
    }

    /** A settings.xml server's credentials when {@code serverId} is given, else the environment's, else none. */
    Optional<RegistryCredentials> credentials(String serverId) throws MojoExecutionException {
        if (serverId == null || serverId.isBlank()) {
            return RegistryCredentials.resolve(null, null, null, environment);
        }
        Server server = server(serverId, Registry.SERVER_ID, "<username>…</username><password>…</password>");
        return RegistryCredentials.resolve(serverId, server.getUsername(), server.getPassword(), environment);
    }

    /**
     * A trust or key store's password: the {@code <password>} of the settings.xml server
     * {@code serverId} when given, else the environment variable, else none.
     */
    Optional<String> storePassword(String kind, String serverId, String variable) throws MojoExecutionException {
        if (serverId != null && !serverId.isBlank()) {
            String parameter = kind.equals("trust") ? Registry.TRUST_STORE_SERVER_ID : Registry.KEY_STORE_SERVER_ID;
            Server server = server(serverId, parameter, "<password>…</password>");
            if (server.getPassword() == null || server.getPassword().isEmpty()) {
                throw new MojoExecutionException(
                        parameter + "=" + serverId + " names a settings.xml <server> without a "
                                + "<password>: add the " + kind + " store's password to it");
            }
            return Optional.of(server.getPassword());
        }
        String value = environment.get(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private Server server(String serverId, String parameter, String example) throws MojoExecutionException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException(parameter + "=" + serverId + " names no <server> in settings.xml: add "
                    + "<server><id>" + serverId + "</id>" + example + "</server>");
        }
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoExecutionException(
                        "Could not decrypt the password of server " + serverId + ": " + problem.getMessage());
            }
        }
        return result.getServer();
    }

    /** A property as {@code ${name}} would resolve it: -D (user), system, then project properties. */
    Optional<String> property(String name) {
        if (session == null) {
            return Optional.empty();
        }
        List<Properties> sources = new ArrayList<>();
        sources.add(session.getUserProperties());
        sources.add(session.getSystemProperties());
        if (session.getCurrentProject() != null) {
            sources.add(session.getCurrentProject().getProperties());
        }
        return sources.stream()
                .filter(p -> p != null && p.getProperty(name) != null)
                .map(p -> p.getProperty(name))
                .filter(v -> !v.isBlank())
                .findFirst();
    }

    /** Whether this plugin's configuration in the pom (plugin-wide or in an execution) has the element. */
    private boolean configured(String element) {
        if (execution == null) {
            return false;
        }
        Plugin plugin = session == null || session.getCurrentProject() == null
                ? null
                : session.getCurrentProject()
                        .getBuild()
                        .getPluginsAsMap()
                        .get(execution.getGroupId() + ":" + execution.getArtifactId());
        if (plugin == null) {
            return false;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        for (PluginExecution pluginExecution : plugin.getExecutions()) {
            configurations.add(pluginExecution.getConfiguration());
        }
        return configurations.stream().anyMatch(c -> c instanceof Xpp3Dom dom && dom.getChild(element) != null);
    }
}
