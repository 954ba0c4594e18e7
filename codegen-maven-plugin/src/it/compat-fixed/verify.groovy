// With the fix, the gate passes: the range [1.0,2.0) resolved to the released 1.0.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')

assert log.contains('[INFO] OK    tickets-it.tickets.TicketOpened (src/main/catalog/schemas/ticket_opened.avsc): FULL_TRANSITIVE against version(s) 1.0')
assert log.contains('[INFO] Compatibility: 1 subject checked against 1.0: 1 compatible, 0 breaking (0 findings); 0 new')
assert log.contains('[INFO] BUILD SUCCESS')
String junit = new File(basedir, 'service/target/eventcat-compat/TEST-compatibility.xml').text
assert junit.contains('<testsuite name="eventcat.compatibility" tests="1" failures="0" errors="0" skipped="0">')

// The pull-request change report, and the same appended to GitHub's step summary.
String changes = new File(basedir, 'service/target/eventcat/changes.md').text
assert changes == """## Catalog changes against 1.0

Compatible: 1 subject checked against 1.0: 1 compatible, 0 breaking (0 findings); 0 new

### `tickets-it.tickets.TicketOpened` — compatible under FULL_TRANSITIVE

`src/main/catalog/schemas/ticket_opened.avsc`

| Change | Field | Before | After |
|---|---|---|---|
| changed | `requester.age` | `no doc` | `doc "Deprecated: kept so that consumers on 1.0 can read new reco…"` |
| added | `requester.phone` |  | `[null, string]; default null` |
"""
assert new File(basedir, 'service/target/step-summary.md').text == changes + '\n'

return true
