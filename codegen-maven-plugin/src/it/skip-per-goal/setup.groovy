// The example catalog is kept once, in generated-example/src/main/catalog; the IT works on a copy,
// in the service's default catalog directory.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

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
assert Files.isRegularFile(target.resolve('catalog.yaml'))
