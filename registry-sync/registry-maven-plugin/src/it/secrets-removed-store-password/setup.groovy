// The removed -Dregistry.trustStorePassword: refused with what to use instead, before any request.
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties(['registry.trustStore': makeStore('trust.p12', 'IT-rem0ved-pr0perty-S3cret'),
        'registry.trustStorePassword': 'IT-rem0ved-pr0perty-S3cret'])
