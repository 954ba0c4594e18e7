package io.github.eventcat.outbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** One real PostgreSQL per test JVM (a child process), with the shipped migration applied. */
final class Postgres {
    private static EmbeddedPostgres server;

    private Postgres() {}

    /** A new, empty database with the migration applied: test classes do not see each other's rows. */
    static synchronized DataSource freshDatabase(String name) {
        DataSource admin = server().getPostgresDatabase();
        execute(admin, "DROP DATABASE IF EXISTS " + name);
        execute(admin, "CREATE DATABASE " + name);
        DataSource database = server.getDatabase("postgres", name);
        execute(database, migration());
        return database;
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server's own cleanup removes its folder.
                }
            }));
        }
        return server;
    }

    /** The migration file exactly as shipped (from the class path, as Flyway would read it). */
    static String migration() {
        try (InputStream in = Postgres.class.getResourceAsStream("/db/migration/V1__eventcat_outbox.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    static long count(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
        }
    }
}
