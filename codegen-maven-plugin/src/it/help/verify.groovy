// The help goal lists the goals with their parameters and properties, from the plugin descriptor.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
['codegen:generate', 'codegen:check-compatibility', 'codegen:lint', 'codegen:docs', 'codegen:help'].each {
    assert log.contains(it) : it
}
['codegen.catalogArtifact', 'codegen.skip', 'codegen.compat.skip', 'codegen.lint.skip', 'codegen.docs.skip'].each {
    assert log.contains("User property: ${it}") : it
}
true
