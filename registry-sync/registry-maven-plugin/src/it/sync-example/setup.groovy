// Waits for the registry this build started (exec:exec in pre-integration-test), then copies the
// example catalog (kept once, in generated-example) into the default catalog directory.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

long deadline = System.currentTimeMillis() + 120_000
while (true) {
    try {
        def connection = new URL(registryUrl + '/subjects').openConnection()
        connection.setRequestProperty('Content-Type', 'application/json')
        if (connection.responseCode == 200) break
    } catch (IOException notYet) {
    }
    assert System.currentTimeMillis() < deadline : "the IT registry at ${registryUrl} did not start (see target/it-registry.log)"
    Thread.sleep(250)
}

Path source = Path.of(exampleCatalog)
Path target = basedir.toPath().resolve('src/main/catalog')
Files.walk(source).withCloseable { paths ->
    paths.each { Path path ->
        Path copy = target.resolve(source.relativize(path).toString())
        if (Files.isDirectory(path)) {
            Files.createDirectories(copy)
        } else {
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}

assert java.nio.file.Files.isRegularFile(target.resolve("catalog.yaml"))
