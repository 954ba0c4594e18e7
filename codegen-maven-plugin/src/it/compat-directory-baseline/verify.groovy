// A directory baseline is named by its path relative to the project, never the absolute path;
// breaking findings are errors, an allowed removal a warning, and so is a rule for generated code
// that the baseline breaks (waived: the gate still compares against it).
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
List<String> lines = log.readLines()

List<String> report = [
    '[WARNING] Baseline baseline breaks a rule this version of Eventcat sets for generated code; waived, since a' +
        ' baseline is only compared against: catalog.yaml:3:10: "package" is "it.tickets.new", which is not a' +
        ' Java package name: use dot-separated Java identifiers that are not keywords, e.g. com.example.events',
    '[ERROR] BREAK tickets-it.tickets.TicketOpened (src/main/catalog/schemas/ticket_opened.avsc)',
    '[ERROR]   at:      requester.age',
    '[ERROR]   change:  field "age" removed, and version baseline has no default for it',
    '[ERROR]   breaks:  consumers still on version baseline cannot read records written with the new schema',
    '[ERROR]   level:   FULL_TRANSITIVE (FORWARD check against version baseline, rule READER_FIELD_MISSING_DEFAULT_VALUE)',
    '[ERROR]   fix:     keep the field `age` (deprecate it in its "doc"), or first release a version that gives `age`' +
        ' a default and remove it once no consumer runs version baseline',
    '[WARNING] REMOVED tickets-it.tickets.TicketClosed: in version baseline, no longer in the catalog; allowed' +
        ' (allowRemovedSubjects), so make sure no service still produces or consumes it',
    '[ERROR] Compatibility: 1 subject checked against baseline: 0 compatible, 1 breaking (1 finding); 0 new;' +
        ' removed (allowed): [tickets-it.tickets.TicketClosed]',
]
int start = lines.indexOf(report[0])
assert start >= 0 : "no line\n${report[0]}\nin\n${log}"
assert lines.subList(start, start + report.size()) == report

String header = '[ERROR] Failed to execute goal io.github.eventcat:codegen-maven-plugin:' +
    "${projectVersion}:check-compatibility (default) on project compat-directory-baseline: " +
    'The catalog at src/main/catalog breaks compatibility with baseline: 1 finding in 1 subject; fix it and check again:'
assert lines.contains(header) : "no line\n${header}\nin\n${log}"
assert !log.contains(basedir.absolutePath + File.separator + 'baseline') : 'the absolute baseline path is in the log'

return true
