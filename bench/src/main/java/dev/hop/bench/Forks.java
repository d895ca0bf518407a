package dev.hop.bench;

import dev.hop.core.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forks hop's goals and Flyway's through Maven against databases of the bench server, each told the database
 * explicitly ({@code -Dhop.url}/{@code -Dflyway.url}, user, password when the server has one): never hop's embedded
 * development server.
 */
final class Forks {

  private final BenchContext context;

  Forks(BenchContext context) {
    this.context = context;
  }

  /** Runs {@code mvn <args> -Dhop.url=… -Dhop.user=…} in {@code project}; its log is {@code logs/<log>.log}. */
  MavenRunner.Build hop(String log, Path project, String database, String... args)
      throws IOException, InterruptedException {
    return context.maven().run(log, project, Map.of(), withLogin(List.of(args), "hop", database));
  }

  /** Runs {@code mvn <goals> -Dflyway.url=… -Dflyway.user=…} in {@code project}. */
  MavenRunner.Build flyway(String log, Path project, String database, String... goals)
      throws IOException, InterruptedException {
    return context.maven().run(log, project, Map.of(), withLogin(List.of(goals), "flyway", database));
  }

  private List<String> withLogin(List<String> args, String prefix, String database) {
    TestPostgres server = context.server();
    List<String> all = new ArrayList<>(args);
    all.add("-D" + prefix + ".url=" + server.jdbcUrl(database));
    all.add("-D" + prefix + ".user=" + server.user());
    if (server.password() != null) {
      all.add("-D" + prefix + ".password=" + server.password());
    }
    return all;
  }

  /** Fails unless {@code build}'s output contains {@code expected}: a run that did not do the work is no sample. */
  static MavenRunner.Build expect(MavenRunner.Build build, String expected) {
    if (!build.output().contains(expected)) {
      throw new IllegalStateException("Expected \"" + expected + "\" in the build's output:\n"
          + MavenRunner.tail(build.output(), 40));
    }
    return build;
  }
}
