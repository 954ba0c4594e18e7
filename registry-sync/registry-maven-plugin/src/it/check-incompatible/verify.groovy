String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('1 subject(s) would break their consumers or producers')
assert log.contains('it.parcels-value (schemas/parcel_sent.avsc): INCOMPATIBLE')
assert log.contains('weight_grams')
