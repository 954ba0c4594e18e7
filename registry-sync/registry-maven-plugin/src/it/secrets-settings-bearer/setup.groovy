// Credentials: settings.xml server it-bearer (password alone: a bearer token); key store password: $SCHEMA_REGISTRY_KEYSTORE_PASSWORD.
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties(['registry.serverId': 'it-bearer', 'registry.keyStore': makeStore('client.p12', 'IT-key-st0re-from-env')])
