// Credentials: $SCHEMA_REGISTRY_USER_INFO; trust store password: $SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD.
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties(['registry.trustStore': makeStore('trust.p12', 'IT-trust-st0re-from-env')])
