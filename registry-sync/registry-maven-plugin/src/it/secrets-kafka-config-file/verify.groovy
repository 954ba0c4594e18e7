secrets = ['IT-k4fka-ja4s-S3cret']
expectedLines = ['(f) kafkaConfigFile = ', 'security.protocol = SASL_PLAINTEXT', 'sasl.jaas.config = [hidden]',
        'Tried to list topics but failed because: Timed out waiting for a node assignment']
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
