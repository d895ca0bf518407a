def log = new File(basedir, 'build.log').text
assert log.contains('Skipping hop:status (hop.skip)')
assert log.contains('BUILD SUCCESS')
