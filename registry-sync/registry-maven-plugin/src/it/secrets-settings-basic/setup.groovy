// Credentials: settings.xml server it-basic; trust store password: settings.xml server it-truststore (src/it/settings.xml).
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties(['registry.serverId': 'it-basic',
        'registry.trustStore': makeStore('trust.p12', 'IT-trust-st0re-from-settings'),
        'registry.trustStoreServerId': 'it-truststore'])
