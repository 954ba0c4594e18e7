// The catalog's schemas/ folder is a link to a folder outside the catalog. A link cannot be kept in
// src/it (the projects are copied file by file), so it is made here, in the copy.
import java.nio.file.Files
import java.nio.file.Path

Path catalog = basedir.toPath().resolve('src/main/catalog')
Files.createSymbolicLink(catalog.resolve('schemas'), basedir.toPath().resolve('shared-schemas'))
assert Files.isRegularFile(catalog.resolve('schemas/ticket_opened.avsc'))
