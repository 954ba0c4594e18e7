import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new File(basedir, 'build.log').text

assert log =~ /\[INFO\] Generated \d+ files \(0 unchanged, 0 deleted\) from catalog src\/main\/catalog into target\/generated-sources\/eventcat/

// Avro records (Avro's compiler, across files), JSON Schema records (nested types and shared enums).
['com/example/repairshop/TicketOpened', 'com/example/repairshop/RepairType',
 'com/example/orders/OrderPlaced', 'com/example/orders/OrderLine',
 'com/example/events/TaskEvent', 'com/example/events/Priority',
 'com/example/events/TaskReminder', 'com/example/events/UserCreated'].each { type ->
    assert Files.isRegularFile(base.resolve("target/generated-sources/eventcat/${type}.java")) : type
    assert Files.isRegularFile(base.resolve("target/classes/${type}.class")) : type
}
assert Files.isRegularFile(base.resolve('target/classes/com/example/events/TaskEvent$Metadata.class'))

return true
