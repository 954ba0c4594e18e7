// Every problem of the catalog, each on its own line as file:line:col: message, and nothing generated.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
List<String> lines = log.readLines()

String header = '[ERROR] Failed to execute goal io.github.eventcat:codegen-maven-plugin:' +
    "${projectVersion}:generate (default) on project bad-schema: " +
    'The catalog at src/main/catalog has 3 problems; fix them and load again:'
List<String> expected = [
    header,
    '[ERROR] schemas/task_created.json:7:23: not a valid JSON Schema (draft 2020-12) at #/properties/title/type: does not have a value in the enumeration ["array", "boolean", "integer", "null", "number", "object", "string"] — see the meta-schema rule "enum"',
    '[ERROR] schemas/task_created.json:7:23: not a valid JSON Schema (draft 2020-12) at #/properties/title/type: string found, array expected — see the meta-schema rule "type"',
    '[ERROR] schemas/ticket_opened.avsc:7:37: unknown type "timestamp" (looked up as "it.tickets.timestamp"): it is not an Avro primitive type and no .avsc file under the catalog root defines it — fix the name or add the schema that defines it',
    '[ERROR] -> [Help 1]',
]
int start = lines.indexOf(header)
assert start >= 0 : "no line\n${header}\nin\n${log}"
assert lines.subList(start, start + expected.size()) == expected
assert !new File(basedir, 'target/generated-sources/eventcat').exists()

return true
