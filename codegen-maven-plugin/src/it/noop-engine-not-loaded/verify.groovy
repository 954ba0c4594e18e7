// Build 1 generates: the plugin loads the engine, and with it the catalog loader, catalog-codegen,
// Avro and JavaPoet. Build 2 (nothing changed) decides the no-op with codegen-light alone: none of
// those classes is loaded (-verbose:class lists every class each JVM loads).
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
int second = log.indexOf('Scanning for projects', log.indexOf('Scanning for projects') + 1)
assert second > 0 : 'expected two builds in build.log'
String first = log.substring(0, second)
String again = log.substring(second)

assert first.contains('[INFO] Generated 9 files (0 unchanged, 0 deleted) from catalog src/main/catalog into target/generated-sources/eventcat')
assert again.contains('[INFO] Catalog unchanged: nothing to generate (9 files in target/generated-sources/eventcat)')

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
