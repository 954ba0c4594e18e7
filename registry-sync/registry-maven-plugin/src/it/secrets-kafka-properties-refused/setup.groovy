// A secret in <kafkaProperties>: refused, naming the keys and never the values, before any request.
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties(['registry.topics': 'true', 'bootstrap.servers': '127.0.0.1:1'])
