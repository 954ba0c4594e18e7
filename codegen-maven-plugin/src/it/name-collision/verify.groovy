// The catalog is valid, but two of its schemas would be one Java class: both files are named.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
List<String> lines = log.readLines()

String header = '[ERROR] Failed to execute goal io.github.eventcat:codegen-maven-plugin:' +
    "${projectVersion}:generate (default) on project name-collision: " +
    'Code cannot be generated from the catalog at src/main/catalog: it has 1 problem; fix it and generate again:'
List<String> expected = [
    header,
    '[ERROR] schemas/order_placed.avsc: this schema and schemas/customer.json would both become the Java class it.events.Customer — rename one of them (JSON Schema: "title" or the $defs name; Avro: "name" or "namespace")',
    '[ERROR] -> [Help 1]',
]
int start = lines.indexOf(header)
assert start >= 0 : "no line\n${header}\nin\n${log}"
assert lines.subList(start, start + expected.size()) == expected
assert !new File(basedir, 'target/generated-sources/eventcat').exists()

return true
