// generate ran; the gate (no baseline set: it would fail) and the lint were skipped by their own properties.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] Skipping the compatibility check (codegen.compat.skip)')
assert log.contains('[INFO] Skipping the lint (codegen.lint.skip)')
assert log =~ /Generated \d+ files/
assert new File(basedir, 'target/generated-sources/eventcat').isDirectory()
