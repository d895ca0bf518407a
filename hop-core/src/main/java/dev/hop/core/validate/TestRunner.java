package dev.hop.core.validate;

import dev.hop.core.errors.HopException;
import java.nio.file.Path;

/** Runs a project's own tests against a given database and reports what they found. */
public interface TestRunner {

  /**
   * Runs the tests of the project in {@code projectDir} against {@code database}.
   *
   * @throws HopException when the tests could not be run at all (not when they fail: see the report)
   */
  TestReport run(Path projectDir, TestDatabaseTarget database) throws HopException;
}
