// Waits (at most 2 minutes) until the IT registry the build started answers.
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
