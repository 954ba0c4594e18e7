// The gate fails the build with every finding: file, subject and level, field, what changed, who breaks, the fix.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
List<String> lines = log.readLines()

String header = '[ERROR] Failed to execute goal io.github.eventcat:codegen-maven-plugin:' +
    "${projectVersion}:check-compatibility (default) on project compat-breaking-service: " +
    'The catalog at src/main/catalog breaks compatibility with 1.0: 1 finding in 1 subject; fix it and check again:'
List<String> expected = [
    header,
    '[ERROR] src/main/catalog/schemas/ticket_opened.avsc [tickets-it.tickets.TicketOpened, FULL_TRANSITIVE] ' +
        'requester.age: field "age" removed, and version 1.0 has no default for it — consumers still on version 1.0' +
        ' cannot read records written with the new schema (FORWARD check against version 1.0, rule' +
        ' READER_FIELD_MISSING_DEFAULT_VALUE). Fix: keep the field `age` (deprecate it in its "doc"), or first' +
        ' release a version that gives `age` a default and remove it once no consumer runs version 1.0',
    '[ERROR] -> [Help 1]',
]
int start = lines.indexOf(header)
assert start >= 0 : "no line\n${header}\nin\n${log}"
assert lines.subList(start, start + expected.size()) == expected

// The readable report in the build log, at ERROR (a breaking change fails the build), named by the
// baseline's version; and a JUnit report CI shows as a failed test.
List<String> report = [
    '[ERROR] BREAK tickets-it.tickets.TicketOpened (src/main/catalog/schemas/ticket_opened.avsc)',
    '[ERROR]   at:      requester.age',
    '[ERROR]   change:  field "age" removed, and version 1.0 has no default for it',
    '[ERROR]   breaks:  consumers still on version 1.0 cannot read records written with the new schema',
    '[ERROR]   level:   FULL_TRANSITIVE (FORWARD check against version 1.0, rule READER_FIELD_MISSING_DEFAULT_VALUE)',
    '[ERROR]   fix:     keep the field `age` (deprecate it in its "doc"), or first release a version that gives `age`' +
        ' a default and remove it once no consumer runs version 1.0',
    '[ERROR] Compatibility: 1 subject checked against 1.0: 0 compatible, 1 breaking (1 finding); 0 new',
]
int reportStart = lines.indexOf(report[0])
assert reportStart >= 0 : "no line\n${report[0]}\nin\n${log}"
assert lines.subList(reportStart, reportStart + report.size()) == report
assert !log.contains('[INFO] BREAK')
String junit = new File(basedir, 'service/target/eventcat-compat/TEST-compatibility.xml').text
assert junit.contains('<testsuite name="eventcat.compatibility" tests="1" failures="1" errors="0" skipped="0">')
assert junit.contains('<failure type="READER_FIELD_MISSING_DEFAULT_VALUE" message="src/main/catalog/schemas/ticket_opened.avsc requester.age: field &quot;age&quot; removed, and version 1.0 has no default for it">')

// The change report is written even when the gate fails, with the verdict and the field removed.
String changes = new File(basedir, 'service/target/eventcat/changes.md').text
assert changes.contains('### `tickets-it.tickets.TicketOpened` — **breaks FULL_TRANSITIVE** (1 finding)')
assert changes.contains('| removed | `requester.age` | `int` |  |')

return true
