// Credentials: user info in -Dregistry.url (the password percent-encodes an '@').
evaluate(new File(itSource, 'auth-stub.groovy'))
writeUserProperties(['registry.url': stubUrl.replace('http://', 'http://url-user:IT-url-user1nfo-S3cret%40x@')])
