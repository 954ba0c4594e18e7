secrets = ['IT-url-user1nfo-S3cret', 'url-user:IT-url-user1nfo-S3cret@x', 'IT-url-user1nfo-S3cret%40x']
expectedAuthorization = 'Basic ' + Base64.encoder.encodeToString('url-user:IT-url-user1nfo-S3cret@x'.getBytes('UTF-8'))
expectedLines = ['(f) retries = 0', "basic auth as url-user (from the registry URL's user info)", 'HTTP 401',
        'the registry refused the credentials']
unexpectedLines = ['(f) url ='] // read when the goal runs, not injected: nothing for -X to print
evaluate(new File(itSource, 'no-secret-anywhere.groovy'))
