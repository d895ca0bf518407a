def log = new File(basedir, 'build.log').text
assert log.contains("No <server> with id 'nope' in settings.xml (named by hop.serverId)")
// a user error: Maven's one-line failure, no stack trace of hop's
assert !log.contains('at dev.hop.')
