package dev.hop.core.validate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a run of the project's tests found: Surefire's counts, the failing tests with their messages,
 * Maven's exit code and how long it took.
 */
public record TestReport(int run, int failures, int errors, int skipped, List<FailedTest> failed,
    int exitCode, Duration took) {

  /** A test that failed or broke, as {@code Class.method}, with the first line of its message. */
  public record FailedTest(String name, String message) {
    public FailedTest {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return message.isEmpty() ? name : name + ": " + message;
    }
  }

  public TestReport {
    failed = List.copyOf(failed);
    Objects.requireNonNull(took, "took");
  }

  /** True when Maven succeeded and no test failed or broke. */
  public boolean passed() {
    return exitCode == 0 && failures == 0 && errors == 0;
  }

  /** {@code Tests run: 12, Failures: 1, Errors: 0, Skipped: 2}, as Surefire says it. */
  public String counts() {
    return "Tests run: " + run + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
  }
}
