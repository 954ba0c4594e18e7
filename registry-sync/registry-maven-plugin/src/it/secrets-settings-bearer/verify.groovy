secrets = ['IT-sett1ngs-bearer-T0ken', 'IT-key-st0re-from-env']
expectedAuthorization = 'Bearer IT-sett1ngs-bearer-T0ken'
expectedLines = ['(f) serverId = it-bearer', 'bearer token (from settings.xml server it-bearer)',
        'HTTP 401', 'the registry refused the credentials']
unexpectedLines = ['could not be read as a'] // the key store opened with its password
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
