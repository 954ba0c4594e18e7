// registry.kafkaConfigFile: Kafka's SASL secret in a properties file, mvn -X registry:sync -Dregistry.topics.
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties(['registry.url': registryUrl, 'registry.topics': 'true', 'registry.timeout': '3',
        'registry.kafkaConfigFile': new File(basedir, 'kafka.properties').path])
