import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates a fleet of databases with Flyway's API, one after the other in one JVM: the loop a Flyway user writes
 * for a database per tenant, with the configuration built once and only the data source changed per database. One
 * database failing does not stop the others; the exit code says whether any failed.
 *
 * <pre>FlywayFleet &lt;file of JDBC URLs, one per line&gt; &lt;migrations folder&gt; &lt;user&gt;</pre>
 *
 * The password, when the server wants one, comes from the environment variable {@code HOP_BENCH_PASSWORD}.
 */
public final class FlywayFleet {

  private FlywayFleet() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("Usage: FlywayFleet <file of JDBC URLs> <migrations folder> <user>");
      System.exit(2);
    }
    List<String> urls = Files.readAllLines(Path.of(args[0])).stream().map(String::strip)
        .filter(line -> !line.isEmpty()).toList();
    String password = System.getenv("HOP_BENCH_PASSWORD");
    FluentConfiguration configuration = Flyway.configure()
        .locations("filesystem:" + Path.of(args[1]).toAbsolutePath());
    int migrated = 0;
    int upToDate = 0;
    int failed = 0;
    for (String url : urls) {
      try {
        MigrateResult result = configuration.dataSource(url, args[2], password).load().migrate();
        if (result.migrationsExecuted > 0) {
          migrated++;
        } else {
          upToDate++;
        }
      } catch (RuntimeException e) {
        failed++;
        System.err.println(url + ": " + e.getMessage());
      }
    }
    System.out.printf("%d databases: %d migrated, %d up to date, %d failed%n", urls.size(), migrated, upToDate,
        failed);
    if (failed > 0) {
      System.exit(1);
    }
  }
}
