package dev.hop.core.db;

import dev.hop.core.release.Version;
import java.util.Objects;
import java.util.Set;

/**
 * A row of {@code half_orm_meta.hop_release}: a version with half_orm_dev's pre-release label
 * ({@code alpha}, {@code beta}, {@code rc} or empty for production) and its number (empty or digits).
 */
public record DatabaseRelease(Version version, String preRelease, String preReleaseNum) {

  private static final Set<String> LABELS = Set.of("", "alpha", "beta", "rc");

  public DatabaseRelease {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(preRelease, "preRelease");
    Objects.requireNonNull(preReleaseNum, "preReleaseNum");
    if (!LABELS.contains(preRelease)) {
      throw new IllegalArgumentException("pre_release must be alpha, beta, rc or empty: " + preRelease);
    }
    if (!preReleaseNum.matches("\\d*")) {
      throw new IllegalArgumentException("pre_release_num must be digits or empty: " + preReleaseNum);
    }
  }

  public static DatabaseRelease production(Version version) {
    return new DatabaseRelease(version, "", "");
  }

  public static DatabaseRelease rc(Version version, int number) {
    return new DatabaseRelease(version, "rc", Integer.toString(number));
  }

  public boolean isProduction() {
    return preRelease.isEmpty();
  }

  /** {@code 1.4.0} or {@code 1.4.0-rc2}. */
  @Override
  public String toString() {
    return version + (preRelease.isEmpty() ? "" : "-" + preRelease + preReleaseNum);
  }
}
