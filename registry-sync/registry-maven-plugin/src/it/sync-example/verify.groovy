import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('REGISTER_NEW_SUBJECT')
assert log.contains('SET_COMPATIBILITY')
assert log.contains('Registry sync done: 12 subject(s) written')
// second run
assert log.contains('Everything is up to date: nothing written.')

def connection = new URL(registryUrl + '/subjects').openConnection()
connection.setRequestProperty('Content-Type', 'application/json')
List subjects = new JsonSlurper().parse(connection.inputStream)
assert subjects.containsAll(['order.placed-value', 'com.example.repairshop.PaymentRegistered',
        'tickets-com.example.repairshop.TicketOpened', 'task-events-value', 'TaskData', 'Priority'])
