secrets = ['IT-env-user1nfo-S3cret', 'env-user:IT-env-user1nfo-S3cret', 'IT-trust-st0re-from-env']
expectedAuthorization = 'Basic ' + Base64.encoder.encodeToString('env-user:IT-env-user1nfo-S3cret'.getBytes('UTF-8'))
expectedLines = ['(f) trustStore = ', 'basic auth as env-user (from SCHEMA_REGISTRY_USER_INFO)',
        'HTTP 401', 'the registry refused the credentials']
unexpectedLines = ['could not be read as a'] // the trust store opened with its password
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
