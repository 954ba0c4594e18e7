// registry:sync was skipped by its own property, registry:check ran: the subject is new, so it passes,
// and nothing was registered.
String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] registry:sync skipped (registry.sync.skip)')
assert !log.contains('registry:check skipped')
assert log.contains('it.skipped-parcels-value (schemas/parcel_sent.avsc): NEW_SUBJECT')
assert log.contains('BUILD SUCCESS')
def subjects = new groovy.json.JsonSlurper().parse(new URL(registryUrl + '/subjects'))
assert !subjects.contains('it.skipped-parcels-value')
