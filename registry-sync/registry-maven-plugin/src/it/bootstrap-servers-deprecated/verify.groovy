// bootstrap.servers still works: the sync asked that cluster, after a warning naming the new property.
String log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] The property bootstrap.servers is deprecated for registry:sync: use -Dregistry.bootstrapServers=127.0.0.1:9 instead')
assert log.contains('but the cluster did not answer within 3000 ms')
assert !log.contains('needs -Dregistry.bootstrapServers')
