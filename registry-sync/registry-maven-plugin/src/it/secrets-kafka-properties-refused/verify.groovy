secrets = ['IT-p0m-ja4s-S3cret', 'IT-p0m-key-S3cret']
expectedLines = ['<kafkaProperties> has sasl.jaas.config, ssl.key.password: a secret does not belong in the pom',
        '-Dregistry.kafkaConfigFile=<file>']
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
if (!((List) System.getProperties().get('eventcat.it.authStub.seen')).isEmpty()) {
    throw new AssertionError('refused too late: the registry was asked')
}
