package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.PgToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locates pg_dump among fake installations and refuses one older than the server. */
class PgToolsTest {

  @TempDir
  Path dir;

  @Test
  void takesTheFirstNotOlderThanTheServer() throws Exception {
    Path old = fake("old", "14.9");
    Path current = fake("current", "15.18");
    Path newer = fake("newer", "16.2");
    PgTools tools = new PgTools(Optional.empty(), List.of(dir.resolve("none"), old, current, newer));
    assertThat(tools.locate("pg_dump", 15, "15.19")).isEqualTo(current.resolve("pg_dump"));
  }

  @Test
  void refusesWhenAllAreOlderNamingBothVersions() throws Exception {
    Path old = fake("old", "14.9");
    PgTools tools = new PgTools(Optional.empty(), List.of(old));
    assertThatThrownBy(() -> tools.locate("pg_dump", 15, "15.19"))
        .isInstanceOfSatisfying(PgToolException.class, e -> {
          assertThat(e.reason()).isEqualTo(PgToolException.Reason.TOO_OLD);
          assertThat(e.getMessage()).contains("14.9").contains("15.19").contains("hop.pgBin");
        });
  }

  @Test
  void pgBinIsSearchedAlone() throws Exception {
    Path configured = fake("configured", "14.9");
    Path good = fake("good", "15.18");
    PgTools tools = new PgTools(Optional.of(configured), List.of(good));
    assertThatThrownBy(() -> tools.locate("pg_dump", 15, "15.19")).isInstanceOf(PgToolException.class);
    PgTools missing = new PgTools(Optional.of(dir.resolve("nowhere")), List.of(good));
    assertThatThrownBy(() -> missing.locate("pg_dump", 15, "15.19"))
        .isInstanceOfSatisfying(PgToolException.class,
            e -> assertThat(e.reason()).isEqualTo(PgToolException.Reason.NOT_FOUND));
  }

  @Test
  void findsTheSystemPgDumpForTheTestServer() throws Exception {
    Path found = PgTools.of(Optional.empty()).locate("pg_dump", 15, "15.19");
    assertThat(PgTools.version(found)).hasValueSatisfying(v -> assertThat(v[0]).isEqualTo(15));
  }

  @Test
  void debiansWrapperIsAskedLastSinceTheVersionedToolItWouldRunComesFirst() throws Exception {
    Path share = Files.createDirectories(dir.resolve("share"));
    Path asked = dir.resolve("wrapper-asked");
    Path wrapper = share.resolve("pg_wrapper");
    Files.writeString(wrapper, "#!/bin/sh\ntouch '" + asked + "'\necho 'pg_dump (PostgreSQL) 16.2'\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    Path usrBin = Files.createDirectories(dir.resolve("usr-bin"));
    Files.createSymbolicLink(usrBin.resolve("pg_dump"), wrapper);
    Path versioned = fake("lib-16-bin", "16.2");
    PgTools tools = new PgTools(Optional.empty(), List.of(usrBin, versioned));

    assertThat(tools.locate("pg_dump", 15, "15.19")).isEqualTo(versioned.resolve("pg_dump"));
    assertThat(asked).as("the wrapper was not run").doesNotExist();
    assertThat(new PgTools(Optional.empty(), List.of(usrBin)).locate("pg_dump", 15, "15.19"))
        .as("alone, the wrapper still serves").isEqualTo(usrBin.resolve("pg_dump"));
  }

  @Test
  void listsVersionedFoldersNewestFirst() throws Exception {
    Files.createDirectories(dir.resolve("lib/9/bin"));
    Files.createDirectories(dir.resolve("lib/15/bin"));
    Files.createDirectories(dir.resolve("lib/notaversion/bin"));
    assertThat(PgTools.versionedBins(dir.resolve("lib"), "", "bin"))
        .containsExactly(dir.resolve("lib/15/bin"), dir.resolve("lib/9/bin"));
  }

  private Path fake(String name, String version) throws Exception {
    Path bin = Files.createDirectories(dir.resolve(name));
    Path tool = bin.resolve("pg_dump");
    Files.writeString(tool, "#!/bin/sh\necho 'pg_dump (PostgreSQL) " + version + "'\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    return bin;
  }
}
