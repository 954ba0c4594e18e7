// Build 1 generates and compiles; build 2 (nothing changed) generates nothing and rewrites no file,
// so the compiler, which compares time stamps, has nothing to compile either. Build 1 loads the
// engine, and with it the catalog loader, catalog-codegen, Avro and JavaPoet; build 2 decides the
// no-op with codegen-light alone and loads none of them (-verbose:class lists every class loaded).
import java.time.Instant

String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
int second = log.indexOf('Scanning for projects', log.indexOf('Scanning for projects') + 1)
assert second > 0 : 'expected two builds in build.log'
String first = log.substring(0, second)
String again = log.substring(second)

assert first.contains('[INFO] Generated 9 files (0 unchanged, 0 deleted) from catalog src/main/catalog into target/generated-sources/eventcat')
assert again.contains('[INFO] Catalog unchanged: nothing to generate (9 files in target/generated-sources/eventcat)')
assert again.contains('[INFO] Nothing to compile - all classes are up to date')
assert !again.contains('[INFO] Generated ')

// No generated file was written after build 1 ended ("Finished at" has whole seconds).
Instant firstFinished = Instant.parse((first =~ /Finished at: (\S+)/)[0][1])
long latestAllowed = firstFinished.toEpochMilli() + 999
File output = new File(basedir, 'target/generated-sources/eventcat')
List<File> files = []
output.eachFileRecurse { if (it.isFile()) files << it }
assert files.findAll { it.name.endsWith('.java') }*.name.sort() == ['EventCatalog.java', 'TaskCreated.java', 'TasksConsumer.java', 'TasksHandler.java', 'TasksProducer.java',
    'TicketOpened.java', 'TicketsConsumer.java', 'TicketsHandler.java', 'TicketsProducer.java']
files.each { assert it.lastModified() <= latestAllowed : "${it} was written again by build 2" }

// A class load line of JDK 17's -verbose:class: "[0.123s][info][class,load] a.b.C source: ..."
def loaded = { String text, String pattern -> (text =~ /(?m)\[class,load\] ${pattern}/).find() }

// The listing works: the light part is loaded in both builds.
assert loaded(first, /io\.github\.eventcat\.codegen\.light\.engine\.GenerateInputs /)
assert loaded(again, /io\.github\.eventcat\.codegen\.light\.engine\.GenerateInputs /)

Map<String, String> heavy = [
    'codegen-engine'  : /io\.github\.eventcat\.codegen\.engine\.\S+ /,
    'catalog-codegen' : /io\.github\.eventcat\.codegen\.[A-Z]\S* /,
    'schema-catalog'  : /io\.github\.eventcat\.catalog\.\S+ /,
    'Avro'            : /org\.apache\.avro\.\S+ /,
    'JavaPoet'        : /com\.palantir\.javapoet\.\S+ /,
]
heavy.each { name, pattern ->
    assert loaded(first, pattern) : "build 1 should have loaded ${name}"
    assert !loaded(again, pattern) : "build 2 (a no-op) loaded a class of ${name}: " + (again =~ /(?m)\[class,load\] ${pattern}.*/)[0]
}

return true
