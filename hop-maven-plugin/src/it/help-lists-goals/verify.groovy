def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// the generated help names the plugin's goals and describes the shared parameters
assert log.contains('hop:status')
assert log.contains('hop.serverId')
assert log.contains('hop.skip')
