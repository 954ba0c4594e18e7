package io.github.eventcat.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and a broker certificate it signed (for {@code 127.0.0.1} and
 * {@code localhost}), made once per JVM with the JDK's own {@code keytool}, so that no test needs
 * a checked-in key or a library for X.509. The stores are PKCS12 files in a temporary folder
 * deleted when the JVM exits; their password is random and reaches keytool through its
 * environment, never its command line.
 *
 * @param keystore the broker's key and its chain (broker certificate, CA certificate)
 * @param truststore the CA certificate only: what a client trusts
 * @param password of both stores and of the key
 */
record TestCertificates(Path keystore, Path truststore, String password) {
    static final String STORE_TYPE = "PKCS12";
    private static final String PASSWORD_VARIABLE = "EVENTCAT_TEST_STORE_PASSWORD";
    private static final int VALID_DAYS = 7;

    private static TestCertificates shared;

    /** The JVM's certificates, made on first use (four keytool runs, a few seconds). */
    static synchronized TestCertificates shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    private static TestCertificates create() {
        Path directory;
        try {
            directory = Files.createTempDirectory("eventcat-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a folder for the test certificates", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteAll(directory), "eventcat-tls-cleanup"));
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path ca = directory.resolve("ca.p12");
        Path brokerKey = directory.resolve("broker-key.p12");
        Path request = directory.resolve("broker.csr");
        Path signed = directory.resolve("broker.crt");
        keytool(
                password,
                "-genkeypair",
                "-alias",
                "ca",
                "-dname",
                "CN=Eventcat throwaway test CA",
                "-ext",
                "bc:c",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                String.valueOf(VALID_DAYS),
                "-keystore",
                ca.toString(),
                "-storetype",
                STORE_TYPE,
                "-storepass:env",
                PASSWORD_VARIABLE);
        keytool(
                password,
                "-genkeypair",
                "-alias",
                "broker",
                "-dname",
                "CN=localhost",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                String.valueOf(VALID_DAYS),
                "-keystore",
                brokerKey.toString(),
                "-storetype",
                STORE_TYPE,
                "-storepass:env",
                PASSWORD_VARIABLE);
        keytool(
                password,
                "-certreq",
                "-alias",
                "broker",
                "-keystore",
                brokerKey.toString(),
                "-storetype",
                STORE_TYPE,
                "-storepass:env",
                PASSWORD_VARIABLE,
                "-file",
                request.toString());
        keytool(
                password,
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storetype",
                STORE_TYPE,
                "-storepass:env",
                PASSWORD_VARIABLE,
                "-infile",
                request.toString(),
                "-outfile",
                signed.toString(),
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-ext",
                "EKU=serverAuth",
                "-ext",
                "KU=digitalSignature",
                "-validity",
                String.valueOf(VALID_DAYS),
                "-rfc");
        try {
            char[] secret = password.toCharArray();
            Certificate caCertificate = load(ca, secret).getCertificate("ca");
            Key key = load(brokerKey, secret).getKey("broker", secret);
            Certificate brokerCertificate;
            try (InputStream in = Files.newInputStream(signed)) {
                brokerCertificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            KeyStore keystore = KeyStore.getInstance(STORE_TYPE);
            keystore.load(null, null);
            keystore.setKeyEntry("broker", key, secret, new Certificate[] {brokerCertificate, caCertificate});
            KeyStore truststore = KeyStore.getInstance(STORE_TYPE);
            truststore.load(null, null);
            truststore.setCertificateEntry("ca", caCertificate);
            TestCertificates certificates = new TestCertificates(
                    directory.resolve("broker.p12"), directory.resolve("truststore.p12"), password);
            store(keystore, certificates.keystore(), secret);
            store(truststore, certificates.truststore(), secret);
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new TestServerException(
                    "Could not assemble the test key and trust stores in " + directory + ": " + e, e);
        }
    }

    private static void keytool(String password, String... arguments) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new TestServerException("keytool " + arguments[0] + " failed (" + keytool + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new TestServerException("Could not run " + keytool + " to make the test certificates: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while making the test certificates", e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static void store(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static void deleteAll(Path directory) {
        try (var files = Files.list(directory)) {
            files.forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
        directory.toFile().delete();
    }

    @Override
    public String toString() {
        return "TestCertificates[" + keystore.getParent() + "]"; // never the password
    }
}
