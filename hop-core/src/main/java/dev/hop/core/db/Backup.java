package dev.hop.core.db;

import dev.hop.core.errors.PgToolException;
import dev.hop.core.errors.ProjectFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backs a database up with {@code pg_dump -Fc} into a file only its owner can read, and restores such a backup
 * into the same database with {@code pg_restore} (clean, in a single transaction).
 */
public final class Backup {

  private static final Pattern ARCHIVE_DATABASE = Pattern.compile("(?m)^;\\s+dbname: (.*)$");
  private static final Pattern HOP_NAME = Pattern.compile(
      "(\\d+\\.\\d+\\.\\d+|unknown)(-[a-z-]+)?-\\d{8}T\\d{6}\\.\\d{3}Z\\.dump");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

  private final Path pgDump;
  private final Path pgRestore;
  private final Clock clock;

  public Backup(Path pgDump, Path pgRestore, Clock clock) {
    this.pgDump = pgDump;
    this.pgRestore = pgRestore;
    this.clock = clock;
  }

  /**
   * Writes {@code <dir>/<database>-<UTC time>.dump}, created with mode 0600 before pg_dump writes to it.
   *
   * @return the backup file
   */
  public Path create(DatabaseTarget target, Path dir) throws PgToolException, ProjectFileException {
    return create(target, dir, target.database());
  }

  /**
   * Writes {@code <dir>/<prefix>-<UTC time>.dump} (e.g. prefix {@code shop-1.2.0}), mode 0600 as above.
   *
   * @return the backup file
   */
  public Path create(DatabaseTarget target, Path dir, String prefix) throws PgToolException, ProjectFileException {
    String name = prefix + "-" + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)) + ".dump";
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (IOException e) {
      throw new ProjectFileException("create the backup file", file, e);
    }
    PgToolRunner.run(pgDump, target, List.of("--format=custom", "--no-owner", "--no-privileges"), Optional.of(file));
    return file;
  }

  /**
   * The name of the database {@code file} was taken from, as its archive header says ({@code pg_restore -l}); empty
   * when the header names none.
   *
   * @throws PgToolException when pg_restore cannot read it (not a custom-format archive)
   */
  public Optional<String> databaseOf(DatabaseTarget target, Path file) throws PgToolException {
    byte[] listing = PgToolRunner.run(pgRestore, target, List.of("--list", file.toString()), Optional.empty());
    Matcher m = ARCHIVE_DATABASE.matcher(new String(listing, StandardCharsets.UTF_8));
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /**
   * Whether {@code file}'s name is one hop gives its backups: {@code <database>-<X.Y.Z>-<UTC time>.dump}, optionally
   * with a suffix after the version, e.g. {@code shop-1.2.0-before-restore-20261206T101500.000Z.dump}.
   */
  public static boolean isNamedByHop(Path file, String database) {
    String name = file.getFileName().toString();
    return name.startsWith(database + "-") && HOP_NAME.matcher(name.substring(database.length() + 1)).matches();
  }

  /** Restores {@code file} into {@code target}, replacing the objects it holds, all or nothing. */
  public void restore(DatabaseTarget target, Path file) throws PgToolException {
    PgToolRunner.run(pgRestore, target, List.of("--clean", "--if-exists", "--single-transaction", "--no-owner",
        "--no-privileges", "--exit-on-error", "--dbname=" + target.database(), file.toString()), Optional.empty());
  }
}
