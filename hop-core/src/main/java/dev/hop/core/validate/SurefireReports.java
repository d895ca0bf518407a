package dev.hop.core.validate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Sums the {@code TEST-*.xml} files Surefire writes into one set of counts and failing tests. */
public final class SurefireReports {

  /** Counts and failures read from a reports folder. */
  record Summary(int run, int failures, int errors, int skipped, List<TestReport.FailedTest> failed) {
  }

  private SurefireReports() {
  }

  /** Every {@code target/surefire-reports} of the project and its modules. */
  public static List<Path> folders(Path projectDir) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(projectDir, 6)) {
      walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("surefire-reports")
              && p.getParent() != null && p.getParent().getFileName().toString().equals("target")
              && !p.toString().contains("/.git/"))
          .filter(Files::isDirectory)
          .forEach(found::add);
    }
    return found;
  }

  /** Reads every {@code TEST-*.xml} of the folders (a project's modules); none reads as no test at all. */
  static Summary read(List<Path> dirs) throws IOException {
    int run = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    List<TestReport.FailedTest> failed = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path dir : dirs) {
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "TEST-*.xml")) {
          stream.forEach(files::add);
        }
      }
    }
    files.sort(null);
    for (Path file : files) {
      Suite suite = new Suite();
      try {
        XmlTags.read(Files.readString(file), suite);
      } catch (IOException e) {
        throw new IOException("Unreadable Surefire report " + file + ": " + e.getMessage(), e);
      }
      run += suite.count("tests");
      failures += suite.count("failures");
      errors += suite.count("errors");
      skipped += suite.count("skipped");
      failed.addAll(suite.failed);
    }
    return new Summary(run, failures, errors, skipped, failed);
  }

  /**
   * One report: the counts of its root element ({@code testsuite}) and, for each {@code testcase} with a
   * {@code failure} (else an {@code error}) in it, the first line of its message (else its type).
   */
  private static final class Suite implements XmlTags.Handler {
    private final List<TestReport.FailedTest> failed = new ArrayList<>();
    private Map<String, String> root;
    private String testCase;
    private String failure;
    private String error;

    @Override
    public void start(String name, Map<String, String> attributes) {
      if (root == null) {
        root = attributes;
      } else if (name.equals("testcase")) {
        String className = attributes.getOrDefault("classname", "");
        testCase = className.substring(className.lastIndexOf('.') + 1) + "." + attributes.getOrDefault("name", "");
        failure = null;
        error = null;
      } else if (testCase != null && name.equals("failure") && failure == null) {
        failure = message(attributes);
      } else if (testCase != null && name.equals("error") && error == null) {
        error = message(attributes);
      }
    }

    @Override
    public void end(String name) {
      if (name.equals("testcase") && testCase != null) {
        String problem = failure != null ? failure : error;
        if (problem != null) {
          failed.add(new TestReport.FailedTest(testCase, problem));
        }
        testCase = null;
      }
    }

    int count(String attribute) {
      String value = root == null ? "" : root.getOrDefault(attribute, "");
      return value.isBlank() ? 0 : Integer.parseInt(value.trim());
    }

    private static String message(Map<String, String> problem) {
      String message = problem.getOrDefault("message", "");
      if (message.isBlank()) {
        message = problem.getOrDefault("type", "");
      }
      return message.strip().lines().findFirst().orElse("");
    }
  }
}
