// Shared by the secrets-* ITs (evaluated from their setup.groovy): a registry that answers every
// request 401, as a registry with auth answers wrong credentials. The real Apicurio the other ITs
// use has no auth. It keeps the Authorization headers it was sent, for verify.groovy to check that
// the credentials were really sent. One stub per Maven JVM, on the port the pom reserved; each IT
// starts with an empty list. It also writes the case's user properties file (test.properties,
// read by the invoker after this script) and creates the PKCS12 stores the case names.
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.CopyOnWriteArrayList

Properties jvm = System.getProperties()
List seen = (List) jvm.get('eventcat.it.authStub.seen')
if (seen == null) {
    seen = new CopyOnWriteArrayList()
    List headers = seen
    HttpServer server = HttpServer.create(new InetSocketAddress('127.0.0.1', authStubPort as int), 16)
    server.createContext('/') { exchange ->
        headers.add(exchange.requestHeaders.getFirst('Authorization') ?: '(none)')
        exchange.requestBody.bytes
        byte[] body = '{"error_code":40101,"message":"Unauthorized"}'.getBytes('UTF-8')
        exchange.responseHeaders.add('Content-Type', 'application/vnd.schemaregistry.v1+json')
        exchange.responseHeaders.add('WWW-Authenticate', 'Basic realm="it"')
        exchange.sendResponseHeaders(401, body.length)
        exchange.responseBody.withStream { it.write(body) }
    }
    server.start()
    jvm.put('eventcat.it.authStub.seen', seen)
}
seen.clear()

stubUrl = "http://127.0.0.1:${authStubPort}/apis/ccompat/v7"

// Creates a PKCS12 store with one key pair, with this password (keytool prints no password).
makeStore = { String name, String password ->
    File store = new File(basedir, name)
    if (!store.exists()) {
        def keytool = new ProcessBuilder(new File(System.getProperty('java.home'), 'bin/keytool').path, '-genkeypair',
                '-alias', 'it', '-keyalg', 'EC', '-dname', 'CN=it', '-validity', '2', '-storetype', 'PKCS12',
                '-keystore', store.path, '-storepass', password, '-keypass', password)
                .redirectErrorStream(true).start()
        keytool.inputStream.text
        assert keytool.waitFor() == 0 : "keytool could not create ${name}"
    }
    return store.path
}

// The case's -D properties: the stub's URL unless given, the small check-incompatible catalog, no retries.
writeUserProperties = { Map extra ->
    Properties user = new Properties()
    user.setProperty('registry.url', stubUrl)
    user.setProperty('registry.catalogDirectory', new File(itSource, 'check-incompatible/src/main/catalog').path)
    user.setProperty('registry.retries', '0')
    extra.each { k, v -> user.setProperty(k as String, v as String) }
    new File(basedir, 'test.properties').withOutputStream { user.store(it, 'written by setup.groovy') }
}
