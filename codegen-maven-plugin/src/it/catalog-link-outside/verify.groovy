// Before, the topic loaded empty and generation failed with "Index 0 out of bounds for length 0".
// Now the link is refused at the line that lists the file, and nothing is generated.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
List<String> lines = log.readLines()

String real = basedir.toPath().toRealPath().resolve('shared-schemas/ticket_opened.avsc').toString()
String header = '[ERROR] Failed to execute goal io.github.eventcat:codegen-maven-plugin:' +
    "${projectVersion}:generate (default) on project catalog-link-outside: " +
    'The catalog at src/main/catalog has 1 problem; fix it and load again:'
List<String> expected = [
    header,
    '[ERROR] catalog.yaml:6:9: "schemas/ticket_opened.avsc" is a symbolic link that leads outside' +
        " the catalog root (to ${real}): copy the file into the catalog, or link only to files" +
        ' inside the directory that holds catalog.yaml',
    '[ERROR] -> [Help 1]',
]
int start = lines.indexOf(header)
assert start >= 0 : "no line\n${header}\nin\n${log}"
assert lines.subList(start, start + expected.size()) == expected
assert !log.contains('Index 0 out of bounds')
assert !new File(basedir, 'target/generated-sources/eventcat').exists()

return true
