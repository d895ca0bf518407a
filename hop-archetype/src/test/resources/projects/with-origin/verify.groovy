// origin given: ho-prod is pushed there with upstream, and database defaults from the artifactId.
def project = new File(basedir, 'project/team-db')
def origin = new File(basedir.parentFile.parentFile.parentFile, 'it-origin.git')
def git = { File dir, String... args ->
    def p = (['git'] + args.toList()).execute(null, dir)
    def out = p.text.trim()
    assert p.waitFor() == 0 : "git ${args.join(' ')} in ${dir} failed"
    out
}

assert git(project, 'remote', 'get-url', 'origin') == origin.path
assert git(project, 'rev-parse', '--abbrev-ref', 'ho-prod@{upstream}') == 'origin/ho-prod'
assert git(origin, 'rev-parse', 'refs/heads/ho-prod') == git(project, 'rev-parse', 'HEAD')
assert git(origin, 'log', '-1', '--format=%s', 'ho-prod') == '[ho] Initial commit (release: 0.0.0)'
assert git(origin, 'fsck', '--strict') != null

def pom = new File(project, 'pom.xml').text
assert pom.contains('<database>team_db</database>')
assert pom.contains('<basePackage>com.example.team.db</basePackage>')
assert new File(project, 'src/test/java/com/example/team/HopDatabase.java').isFile()
assert new File(project, 'build.log').text.contains('BUILD SUCCESS')
assert new File(project, 'build.log').text.contains('Stopped the embedded PostgreSQL of this project (pid ')
