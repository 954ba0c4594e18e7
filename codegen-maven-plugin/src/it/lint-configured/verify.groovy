// Only warnings under the catalog's lint section: the build passes, the warning is logged as one.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
List<String> lines = log.readLines()

assert lines.contains('[WARNING] src/main/catalog/schemas/order_placed.avsc:9:14: warning: [MONEY_AS_DECIMAL] field "total" of "OrderPlaced" looks like money but is double: floating point cannot hold 0.10 exactly, so sums drift — use {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}') : log
assert lines.contains('[INFO] Lint: 3 files checked, 0 errors, 1 warning') : log
assert !log.contains('[ERROR]')
File report = new File(basedir, 'target/eventcat-lint/TEST-lint.xml')
assert report.text.contains('<testsuite name="eventcat.lint" tests="3" failures="0"')

return true
