// basedir is the IT folder; the generated project is project/<artifactId>.
// expected/ is the reviewed copy of the generated project (like a golden file), compared file by file
// here rather than by the plugin's reference/ check, which would count the files of .git/ as unexpected.
import java.nio.file.Files

def project = new File(basedir, 'project/shop-db')
def expected = new File(basedir, 'expected')
def tree = { File root ->
    def files = [:] as TreeMap
    root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        def path = root.toPath().relativize(f.toPath()).toString()
        if (!(path.startsWith('.git/') || path.startsWith('target/') || path.startsWith('.hop/local/') || path == 'build.log')) {
            files[path] = f.bytes
        }
    }
    files
}
def want = tree(expected)
def got = tree(project)
assert got.keySet() == want.keySet()
want.each { path, bytes -> assert new String(got[path], 'UTF-8') == new String(bytes, 'UTF-8') : "${path} differs from expected/${path}" }
def git = { String... args ->
    def p = (['git'] + args.toList()).execute(null, project)
    def out = p.text.trim()
    assert p.waitFor() == 0 : "git ${args.join(' ')} failed"
    out
}

// .gitignore survives packaging (resources and archetype plugins both drop it by default)
assert new File(project, '.gitignore').text.readLines().containsAll(['target/', 'backups/', '.hop/local/'])

// model/schema.sql is a relative symlink to the 0.0.0 snapshot
def link = new File(project, 'model/schema.sql').toPath()
assert Files.isSymbolicLink(link)
assert Files.readSymbolicLink(link).toString() == 'schema-0.0.0.sql'

// the repository: branch ho-prod, one commit, everything committed, no origin
assert git('rev-parse', '--abbrev-ref', 'HEAD') == 'ho-prod'
assert git('log', '--format=%s') == '[ho] Initial commit (release: 0.0.0)'
assert git('ls-files').readLines().containsAll(['pom.xml', 'Patches/README.md', 'releases/README.md',
        'model/schema-0.0.0.sql', 'model/metadata-0.0.0.sql', 'model/schema.sql', '.gitignore', 'Jenkinsfile',
        'src/test/java/it/hop/HopDatabase.java'])
assert git('remote') == ''

// the generated project builds with no database server installed: hop:dev-db (bound to initialize) runs the
// embedded one, and hop:db-stop stops it, leaving no postgres process of the project
def log = new File(project, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Development database: shop_db on the embedded PostgreSQL ')
assert log.contains('Development database postgres@127.0.0.1:') && log.contains('/shop_db created at production 0.0.0')
assert log.contains('Stopped the embedded PostgreSQL of this project (pid ')
assert !new File(project, '.hop/local/pg/postmaster.pid').exists()
// the embedded server's password: generated, readable by its owner only, never in the log
def password = new File(project, '.hop/local/password')
assert java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(password.toPath())) == 'rw-------'
assert !log.contains(password.text.trim())
assert !log.contains('overwritten by user properties')
assert ProcessHandle.allProcesses().filter { it.info().commandLine().orElse('').contains(project.path + '/.hop/') }.count() == 0
// ...and the build left the work tree clean (target/ is ignored; build.log is the IT's own)
assert git('status', '--porcelain', '--', '.', ':!build.log') == ''
