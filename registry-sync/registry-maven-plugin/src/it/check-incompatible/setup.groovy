// Waits for the IT registry, then registers the subject's first version without weight_grams:
// the catalog's version adds it without a default, which BACKWARD forbids.
long deadline = System.currentTimeMillis() + 120_000
while (true) {
    try {
        def probe = new URL(registryUrl + '/subjects').openConnection()
        probe.setRequestProperty('Content-Type', 'application/json')
        if (probe.responseCode == 200) break
    } catch (IOException notYet) {
    }
    assert System.currentTimeMillis() < deadline : "the IT registry at ${registryUrl} did not start"
    Thread.sleep(250)
}

def put(String path, String method, String body) {
    def connection = new URL(registryUrl + path).openConnection()
    connection.requestMethod = method
    connection.doOutput = true
    connection.setRequestProperty('Content-Type', 'application/vnd.schemaregistry.v1+json')
    connection.outputStream.withWriter('UTF-8') { it << body }
    assert connection.responseCode == 200 : "${method} ${path}: ${connection.responseCode}"
}
put('/config/it.parcels-value', 'PUT', '{"compatibility":"BACKWARD"}')
put('/subjects/it.parcels-value/versions', 'POST',
    '{"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"ParcelSent\\",\\"namespace\\":\\"it.shipping\\",\\"fields\\":[{\\"name\\":\\"parcel_id\\",\\"type\\":\\"string\\"}]}"}')
