// Makes the new project a Git repository, as half_orm_dev's `init` does: branch ho-prod,
// the first commit "[ho] Initial commit (release: 0.0.0)", origin when given, and a push with upstream.
// The files are generated already: nothing here may fail the generation, it says what to run instead.
import java.nio.file.Files
import java.nio.file.Paths

def dir = new File(request.outputDirectory, request.artifactId)
def origin = (request.properties.getProperty('origin') ?: 'none').trim()

// model/schema.sql is a relative symlink to the current production snapshot
def link = Paths.get(dir.path, 'model', 'schema.sql')
if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
    Files.createSymbolicLink(link, Paths.get('schema-0.0.0.sql'))
}

def run = { List<String> command ->
    try {
        def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
        def output = process.inputStream.text
        [process.waitFor(), output.trim()]
    } catch (IOException e) {
        [-1, e.message]
    }
}

def (gitExit, gitVersion) = run(['git', '--version'])
if (gitExit != 0) {
    println "[WARNING] git was not found, so ${dir} is not a Git repository yet. Install git, then run in it:"
    println "[WARNING]   git init -b ho-prod && git add -A && git commit -m \"[ho] Initial commit (release: 0.0.0)\""
    if (origin != 'none') {
        println "[WARNING]   git remote add origin ${origin} && git push -u origin ho-prod"
    }
    return
}

def git = { String... args ->
    def (exit, output) = run(['git'] + args.toList())
    if (exit != 0) {
        throw new IllegalStateException("git ${args.join(' ')} failed: ${output}")
    }
    output
}

// a commit needs an identity: use the user's, or a neutral one for this first commit only
def (nameExit, name) = run(['git', 'config', 'user.name'])
def (emailExit, email) = run(['git', 'config', 'user.email'])
def identity = []
if (nameExit != 0 || !name || emailExit != 0 || !email) {
    identity = ['-c', 'user.name=hop', '-c', 'user.email=hop@localhost']
    println "[WARNING] git has no user.name/user.email: the initial commit is authored by 'hop'. Set yours with git config --global user.name/user.email."
}

git 'init', '-q', '-b', 'ho-prod'
git 'add', '-A'
git(*(identity + ['commit', '-q', '-m', '[ho] Initial commit (release: 0.0.0)']))
println "[INFO] Git repository created on branch ho-prod: [ho] Initial commit (release: 0.0.0)"

if (origin != 'none') {
    git 'remote', 'add', 'origin', origin
    def (pushExit, pushOutput) = run(['git', 'push', '-q', '-u', 'origin', 'ho-prod'])
    if (pushExit == 0) {
        println "[INFO] Pushed ho-prod to ${origin}"
    } else {
        println "[WARNING] Could not push ho-prod to ${origin}: ${pushOutput}"
        println "[WARNING] Fix the access to origin, then run in ${dir}: git push -u origin ho-prod"
    }
}
