secrets = ['IT-k4fka-ja4s-S3cret']
expectedLines = ['(f) kafkaConfigFile = ', 'security.protocol = SASL_PLAINTEXT', 'sasl.jaas.config = [hidden]',
        'Tried to list topics but the cluster did not answer within 3000 ms']
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
