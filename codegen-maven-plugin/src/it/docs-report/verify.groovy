// mvn site with codegen:docs-report: the "Event catalog" page in the site, the docs site under
// eventcat-docs/, and every link of the report page and of the docs pages resolves.
import java.nio.file.Files
import java.nio.file.Path

String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
Path site = basedir.toPath().resolve('target/site')
Path report = site.resolve('eventcat-catalog.html')
assert Files.isRegularFile(report) : log
assert log.contains('[INFO] Event catalog site: ' + site.resolve('eventcat-docs/index.html').toFile().canonicalPath) : log
String page = Files.readString(report)
assert page.contains('<h1>Event catalog</h1>') || page.contains('Event catalog</h1>') : page
assert page.contains('Events of a parcel service, for the site report IT.') : page
assert page.contains('2 topics, 3 event types.') : page
for (String topic : ['parcel.scanned', 'parcel.delivered']) {
    assert page.contains('<a href="eventcat-docs/topic-' + topic + '.html">' + topic + '</a>') : page
}
for (String type : ['ParcelScanned', 'ParcelLost', 'ParcelDelivered']) {
    assert page.contains('<a href="eventcat-docs/event-com.example.parcels.' + type + '.html">com.example.parcels.' + type + '</a>') : page
}
assert page.contains('href="eventcat-docs/index.html"') && page.contains('href="eventcat-docs/asyncapi.yaml"') : page
// The site lists the report among its Project Reports.
assert Files.readString(site.resolve('project-reports.html')).contains('<a href="eventcat-catalog.html">Event catalog</a>')
assert Files.readString(site.resolve('eventcat-docs/asyncapi.yaml')).startsWith('asyncapi: 3.0.0\n')

// Every relative link and anchor of the report's content and of every docs page resolves to a file (and id).
List<Path> pages = [report]
Files.list(site.resolve('eventcat-docs')).withCloseable { s -> s.filter { it.toString().endsWith('.html') }.sorted().each { pages << it } }
assert pages.size() == 1 + 1 + 2 + 3 : pages
int checked = 0
for (Path from : pages) {
    String html = Files.readString(from)
    if (from == report) {
        // The report's own content; the skin's menu links the parent project's site, not built here.
        html = html.substring(html.indexOf('<main'), html.indexOf('</main>'))
    }
    (html =~ /(?:href|src)="([^"]*)"/).each { match ->
        String link = match[1].replace('&amp;', '&')
        if (link ==~ /^[a-zA-Z][a-zA-Z0-9+.-]*:.*/ || link.startsWith('//')) {
            return // http(s), mailto: outside the site
        }
        int hash = link.indexOf('#')
        String file = hash < 0 ? link : link.substring(0, hash)
        String anchor = hash < 0 ? '' : link.substring(hash + 1)
        Path target = file.isEmpty() ? from : from.resolveSibling(URLDecoder.decode(file, 'UTF-8')).normalize()
        assert Files.isRegularFile(target) : "${from.fileName}: link ${link} leads to no file (${target})"
        if (!anchor.isEmpty()) {
            String text = Files.readString(target)
            assert text.contains('id="' + anchor + '"') || text.contains('name="' + anchor + '"') : "${from.fileName}: no anchor ${link}"
        }
        checked++
    }
}
assert checked > 20 : checked
return true
