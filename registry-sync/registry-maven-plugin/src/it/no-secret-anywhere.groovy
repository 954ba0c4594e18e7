// Shared by the secrets-* ITs (evaluated from their verify.groovy, with `secrets`, `expectedLines` and
// optionally `unexpectedLines` and `expectedAuthorization` bound). Checks build.log without Groovy's
// power asserts, which would print the whole log. Fails if
// any secret or its Base64 is in build.log or in any other file the build left in the case directory
// (target/ included): the case's own files (src/it/<case>) and the test.properties its setup wrote
// hold the secrets by design. The failure message never shows the secret.
import java.nio.file.Files
import java.nio.file.Path

File source = new File(itSource, basedir.name)
Closure isInput = { String relative -> relative == 'test.properties' || new File(source, relative).isFile() }
List<String> forms = []
secrets.each { String secret ->
    forms << secret
    forms << Base64.encoder.encodeToString(secret.getBytes('UTF-8'))
}
Path root = basedir.toPath()
int checked = 0
Files.walk(root).withCloseable { paths ->
    paths.filter { Files.isRegularFile(it) && !isInput(root.relativize(it).toString()) }.each { Path path ->
        String text = new String(Files.readAllBytes(path), 'ISO-8859-1')
        checked++
        forms.eachWithIndex { String form, int i ->
            if (text.contains(form)) {
                throw new AssertionError("${root.relativize(path)} contains secret #${i.intdiv(2)}" + (i % 2 == 1 ? ' in Base64' : ''))
            }
        }
    }
}
if (!new File(basedir, 'build.log').exists() || checked == 0) {
    throw new AssertionError('no build.log to check')
}

// The credentials were sent (when the case expects it), as the stub saw them.
if (binding.hasVariable('expectedAuthorization')) {
    List seen = (List) System.getProperties().get('eventcat.it.authStub.seen')
    if (!seen.contains(expectedAuthorization)) {
        throw new AssertionError("the stub registry was not sent the expected Authorization header (it saw ${seen.size()} request(s))")
    }
}

String log = new File(basedir, 'build.log').text
expectedLines.each { String text ->
    if (!log.contains(text)) {
        throw new AssertionError("build.log lacks: " + text)
    }
}
(binding.hasVariable('unexpectedLines') ? unexpectedLines : []).each { String text ->
    if (log.contains(text)) {
        throw new AssertionError("build.log has: " + text)
    }
}
// the invoker takes any other result of a verify script for a failure
return true
