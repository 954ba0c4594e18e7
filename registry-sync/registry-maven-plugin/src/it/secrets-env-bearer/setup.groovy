// Credentials: $SCHEMA_REGISTRY_BEARER_TOKEN.
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties([:])
