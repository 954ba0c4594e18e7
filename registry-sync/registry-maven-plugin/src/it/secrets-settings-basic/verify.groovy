secrets = ['IT-sett1ngs-basic-S3cret', 'it-user:IT-sett1ngs-basic-S3cret', 'IT-trust-st0re-from-settings']
expectedAuthorization = 'Basic ' + Base64.encoder.encodeToString('it-user:IT-sett1ngs-basic-S3cret'.getBytes('UTF-8'))
expectedLines = ['(f) serverId = it-basic', // -X did dump the parameters
        '(f) trustStoreServerId = it-truststore',
        'basic auth as it-user (from settings.xml server it-basic)',
        'HTTP 401', 'the registry refused the credentials']
unexpectedLines = ['could not be read as a'] // the trust store opened with its password
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
