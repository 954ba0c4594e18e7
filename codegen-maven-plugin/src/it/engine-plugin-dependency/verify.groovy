// The user's <plugin><dependencies> win over the engine's own: Velocity (which Avro's compiler runs
// on) is 2.4 on the engine's class path, as pinned, not the 2.4.1 the engine asks for; and the Avro
// record it templates is generated.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
def classPath = (log =~ /(?m)^\[DEBUG\] Codegen engine class path: \[(.*)\]$/)
assert classPath.find() : 'the plugin logs the engine class path at debug'
List<String> files = classPath.group(1).split(', ').collect { new File(it).name }
assert files.any { it.startsWith('codegen-engine-') } : files
assert files.contains('velocity-engine-core-2.4.jar') : files
assert !files.contains('velocity-engine-core-2.4.1.jar') : files
assert files.count { it.startsWith('velocity-engine-core-') } == 1 : files
// The engine's own pom manages the rest, as the plugin's did: one Jackson version throughout.
String jackson = files.find { it.startsWith('jackson-databind-') } - 'jackson-databind-'
assert files.contains('jackson-core-' + jackson) : files

assert log.contains('[INFO] Generated 9 files (0 unchanged, 0 deleted) from catalog src/main/catalog into target/generated-sources/eventcat')
assert new File(basedir, 'target/generated-sources/eventcat').listFiles() != null
File avroRecord = null
new File(basedir, 'target/generated-sources/eventcat').eachFileRecurse { if (it.name == 'TicketOpened.java') avroRecord = it }
assert avroRecord != null && avroRecord.text.contains('extends org.apache.avro.specific.SpecificRecordBase')
return true
