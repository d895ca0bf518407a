package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Takes the upgrade lock from two sessions. */
@WithPostgres
class UpgradeLockIT {

  @Test
  void secondSessionWaitsThenFailsNamingTheHolder(TestDatabase db) throws Exception {
    DatabaseTarget target = Targets.of(db);
    try (Connection first = target.connect(); Connection second = target.connect()) {
      int firstPid = pid(first);
      try (UpgradeLock lock = UpgradeLock.acquire(first, Duration.ofSeconds(1), CommandHints.NEUTRAL)) {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> UpgradeLock.acquire(second, Duration.ofMillis(500), CommandHints.NEUTRAL))
            .isInstanceOfSatisfying(DatabaseRefusedException.class, e -> {
              assertThat(e.reason()).isEqualTo(DatabaseRefusedException.Reason.UPGRADE_LOCKED);
              assertThat(e.holder()).hasValueSatisfying(h -> assertThat(h)
                  .contains("pid " + firstPid).contains("application 'hop'"));
              assertThat(e.getMessage()).contains(db.name()).contains("hop upgrade");
            });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
      }
      try (UpgradeLock again = UpgradeLock.acquire(second, Duration.ofSeconds(1), CommandHints.NEUTRAL)) {
        assertThat(again).isNotNull();
      }
    }
  }

  @Test
  void aWaitingSessionGetsTheLockWhenItIsReleased(TestDatabase db) throws Exception {
    DatabaseTarget target = Targets.of(db);
    try (Connection first = target.connect(); Connection second = target.connect()) {
      UpgradeLock lock = UpgradeLock.acquire(first, Duration.ofSeconds(1), CommandHints.NEUTRAL);
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(300);
          lock.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      releaser.start();
      try (UpgradeLock got = UpgradeLock.acquire(second, Duration.ofSeconds(5), CommandHints.NEUTRAL)) {
        assertThat(got).isNotNull();
      }
      releaser.join();
    }
  }

  private static int pid(Connection c) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
