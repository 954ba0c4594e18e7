secrets = ['IT-env-bearer-T0ken']
expectedAuthorization = 'Bearer IT-env-bearer-T0ken'
expectedLines = ['(f) retries = 0', 'bearer token (from SCHEMA_REGISTRY_BEARER_TOKEN)', 'HTTP 401',
        'the registry refused the credentials']
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
