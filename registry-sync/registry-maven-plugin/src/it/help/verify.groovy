// The help goal lists the goals with their parameters and properties, from the plugin descriptor.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
['registry:sync', 'registry:check', 'registry:pull', 'registry:help'].each { assert log.contains(it) : it }
['registry.bootstrapServers', 'registry.sync.skip', 'registry.check.skip', 'registry.pull.skip', 'registry.skip',
 'registry.catalogArtifact'].each { assert log.contains("User property: ${it}") : it }
true
