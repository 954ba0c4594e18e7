// codegen:docs bound to package: the site and the AsyncAPI document of the example catalog.
String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
File docs = new File(basedir, 'target/eventcat-docs')
assert log.contains('[INFO] Event catalog site: ' + new File(docs, 'index.html').canonicalPath) : log
assert new File(docs, 'index.html').text.contains('topic-order.placed.html')
assert new File(docs, 'event-com.example.repairshop.TicketOpened.html').isFile()
assert new File(docs, 'catalog/schemas/todo/task_data.json').isFile()
String asyncApi = new File(docs, 'asyncapi.yaml').text
assert asyncApi.startsWith('asyncapi: 3.0.0\n')
assert asyncApi.contains('  version: 2.3.0\n') : asyncApi
String opened = new File(docs, 'event-com.example.repairshop.TicketOpened.html').text
assert opened.contains('<h3>baseline → 2.3.0: compatible under BACKWARD_TRANSITIVE</h3>\n<p>No field changes.</p>') : opened
return true
