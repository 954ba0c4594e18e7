// Build 1 generates and compiles; build 2 (nothing changed) generates nothing and rewrites no file,
// so the compiler, which compares time stamps, has nothing to compile either.
import java.time.Instant

String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
int second = log.indexOf('Scanning for projects', log.indexOf('Scanning for projects') + 1)
assert second > 0 : 'expected two builds in build.log'
String first = log.substring(0, second)
String again = log.substring(second)

assert first.contains('[INFO] Generated 9 files (0 unchanged, 0 deleted) from catalog src/main/catalog into target/generated-sources/eventcat')
assert again.contains('[INFO] Catalog unchanged: nothing to generate (9 files in target/generated-sources/eventcat)')
assert again.contains('[INFO] Nothing to compile - all classes are up to date')
assert !again.contains('Generated ')

// No generated file was written after build 1 ended ("Finished at" has whole seconds).
Instant firstFinished = Instant.parse((first =~ /Finished at: (\S+)/)[0][1])
long latestAllowed = firstFinished.toEpochMilli() + 999
File output = new File(basedir, 'target/generated-sources/eventcat')
List<File> files = []
output.eachFileRecurse { if (it.isFile()) files << it }
assert files.findAll { it.name.endsWith('.java') }*.name.sort() == ['EventCatalog.java', 'TaskCreated.java', 'TasksConsumer.java', 'TasksHandler.java', 'TasksProducer.java',
    'TicketOpened.java', 'TicketsConsumer.java', 'TicketsHandler.java', 'TicketsProducer.java']
files.each { assert it.lastModified() <= latestAllowed : "${it} was written again by build 2" }

return true
