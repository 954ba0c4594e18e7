// A lint error (money as double) fails the build with file:line:col, rule and fix; warnings are
// logged as warnings and do not fail it.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
List<String> lines = log.readLines()

String error = 'src/main/catalog/schemas/place_order.avsc:8:14: error: [MONEY_AS_DECIMAL] field "total_price" of "PlaceOrder" looks like money but is double: floating point cannot hold 0.10 exactly, so sums drift — use {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}'
String header = '[ERROR] Failed to execute goal io.github.eventcat:codegen-maven-plugin:' +
    "${projectVersion}:lint (default) on project lint-failure: " +
    'The catalog at src/main/catalog has 1 lint error; fix it, or configure lint in catalog.yaml (docs/lint.md), and build again:'
List<String> expected = [header, '[ERROR] ' + error, '[ERROR] -> [Help 1]']
int start = lines.indexOf(header)
assert start >= 0 : "no line\n${header}\nin\n${log}"
assert lines.subList(start, start + expected.size()) == expected
assert lines.contains('[ERROR] ' + error)
assert lines.contains('[WARNING] src/main/catalog/schemas/place_order.avsc:3:11: warning: [OCCURRED_ON_PRESENT] event "PlaceOrder" has no required timestamp with time zone saying when it happened — add {"name": "occurred_on", "type": {"type": "long", "logicalType": "timestamp-millis"}}')
assert lines.contains('[ERROR] Lint: 2 files checked, 1 error, 3 warnings')
String report = new File(basedir, 'target/eventcat-lint/TEST-lint.xml').text
assert report.contains('<testsuite name="eventcat.lint" tests="2" failures="1"')
assert report.contains('<failure type="MONEY_AS_DECIMAL"')

return true
