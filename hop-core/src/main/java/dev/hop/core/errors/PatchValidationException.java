package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.util.List;

/**
 * Refuses a patch whose integration broke the project's tests in patch-add's validation, naming the failing tests
 * with their messages and Surefire's counts; ho-prod and origin are unchanged.
 */
public final class PatchValidationException extends HopUserException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 20;

  private final String patch;
  private final String counts;
  private final List<String> failedTests;

  /**
   * @param patch the patch id, {@code 12-users}
   * @param stage the stage it was to join, {@code 1.4.0-stage}
   * @param counts Surefire's counts, {@code Tests run: 3, Failures: 1, Errors: 0, Skipped: 0}
   * @param failedTests each failing test as {@code Class.method: message}
   * @param exitCode Maven's exit code, told when no test failed (the build itself broke)
   * @param reports where the failing run's reports are kept, as the user reaches it
   */
  public PatchValidationException(String patch, String stage, String counts, List<String> failedTests,
      int exitCode, String reports, CommandHints hints) {
    super("Tests failed for patch integration: " + patch + " into " + stage + " (" + counts + ")"
        + describe(failedTests, exitCode) + ". The failing run's reports are kept in " + reports
        + ". Nothing was changed: ho-prod and origin are as they were. Fix the"
        + " patch or the tests on " + "ho-patch/" + patch + " (try it with " + hints.command("patch-apply")
        + " and mvn test), push, then run: " + hints.command("patch-add", "id", patch));
    this.patch = patch;
    this.counts = counts;
    this.failedTests = List.copyOf(failedTests);
  }

  private static String describe(List<String> failed, int exitCode) {
    if (failed.isEmpty()) {
      return "; no test failed, but the build of the merged project failed (Maven exit code " + exitCode
          + "): see the [tests] lines above";
    }
    List<String> shown = failed.subList(0, Math.min(LISTED, failed.size()));
    return ". Failing: " + String.join("; ", shown)
        + (failed.size() > LISTED ? "; and " + (failed.size() - LISTED) + " more" : "");
  }

  /** The patch id. */
  public String patch() {
    return patch;
  }

  /** Surefire's counts. */
  public String counts() {
    return counts;
  }

  /** The failing tests, {@code Class.method: message}. */
  public List<String> failedTests() {
    return failedTests;
  }
}
