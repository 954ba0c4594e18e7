// The example catalog is kept once, in generated-example/src/main/catalog; the IT works on two
// copies: the service's default catalog directory, and a baseline directory for the history.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path source = Path.of(exampleCatalog)
for (String where : ['src/main/catalog', 'baseline']) {
    Path target = basedir.toPath().resolve(where)
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
    assert Files.isRegularFile(target.resolve('catalog.yaml'))
}
