def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] Production version: 1.0.0')
assert log.contains('[INFO] Active RC: 1.1.0-rc1, 3 patches: 1, 2-users, 3-orders')
assert log.contains('[INFO] Stage 1.1.0: 1 patch: 4-audit')
assert log.contains('[INFO] Stage 2.0.0: 1 patch: 5-billing')
// no hop.url: status, which only reads, started no server, and db-stop found none to stop
assert log.contains("[INFO] Database version: not running (the project's embedded PostgreSQL is stopped")
assert !log.contains(' on the embedded PostgreSQL ')
assert log.contains('[INFO] No embedded PostgreSQL runs for this project')
assert !new File(basedir, '.hop/local/pg').exists()
