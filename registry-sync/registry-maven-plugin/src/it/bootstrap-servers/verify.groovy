// The address came from registry.bootstrapServers: the sync got as far as asking that cluster, and
// nothing says the address is missing or deprecated.
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('but the cluster did not answer within 3000 ms')
assert !log.contains('needs -Dregistry.bootstrapServers')
assert !log.contains('deprecated')
