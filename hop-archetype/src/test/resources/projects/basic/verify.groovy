// basedir is the IT folder; the generated project is project/<artifactId> (TOOLCHAIN P8)
def project = new File(basedir, 'project/shop-db')
assert new File(project, 'pom.xml').text.contains('<artifactId>hop-maven-plugin</artifactId>')
assert new File(project, '.gitignore').text.contains('.hop/local/')
assert new File(project, 'src/test/java/it/hop/HopDatabaseTest.java').isFile()
def log = new File(project, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
