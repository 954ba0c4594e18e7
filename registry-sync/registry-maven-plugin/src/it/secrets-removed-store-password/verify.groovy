secrets = ['IT-rem0ved-pr0perty-S3cret']
expectedLines = ['(f) trustStore = ',
        'registry.trustStorePassword is set: it is no longer read (mvn -X prints plugin parameters); use registry.trustStoreServerId',
        'SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD']
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
if (!((List) System.getProperties().get('eventcat.it.authStub.seen')).isEmpty()) {
    throw new AssertionError('refused too late: the registry was asked')
}
