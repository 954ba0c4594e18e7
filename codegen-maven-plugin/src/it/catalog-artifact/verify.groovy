import java.util.zip.ZipFile

String log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')

// The released jar holds the catalog where consumers look for it.
File jar = new File(basedir, 'events-catalog/target/events-catalog-1.0.0.jar')
new ZipFile(jar).withCloseable { zip ->
    ['catalog.yaml', 'schemas/ticket_opened.avsc', 'schemas/task_created.json'].each {
        assert zip.getEntry("META-INF/eventcat/catalog/${it}") != null : it
    }
}

// The service generated from the artifact and compiled the result.
assert log.contains('[INFO] Generated 9 files (0 unchanged, 0 deleted) from catalog it.eventcat:events-catalog:jar:1.0.0 into target/generated-sources/eventcat')
File service = new File(basedir, 'service')
assert !new File(service, 'src/main/catalog').exists()
['it/tickets/TicketOpened', 'it/events/TaskCreated'].each {
    assert new File(service, "target/generated-sources/eventcat/${it}.java").isFile() : it
    assert new File(service, "target/classes/${it}.class").isFile() : it
}

return true
