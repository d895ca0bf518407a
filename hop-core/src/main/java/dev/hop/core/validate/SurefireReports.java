package dev.hop.core.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

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
    DocumentBuilder parser = parser();
    for (Path file : files) {
      Element suite;
      try (InputStream in = Files.newInputStream(file)) {
        suite = parser.parse(in).getDocumentElement();
      } catch (SAXException e) {
        throw new IOException("Unreadable Surefire report " + file + ": " + e.getMessage(), e);
      }
      run += count(suite, "tests");
      failures += count(suite, "failures");
      errors += count(suite, "errors");
      skipped += count(suite, "skipped");
      NodeList cases = suite.getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element testCase = (Element) cases.item(i);
        problem(testCase, "failure").or(() -> problem(testCase, "error")).ifPresent(message ->
            failed.add(new TestReport.FailedTest(name(testCase), message)));
      }
    }
    return new Summary(run, failures, errors, skipped, failed);
  }

  private static java.util.Optional<String> problem(Element testCase, String tag) {
    NodeList nodes = testCase.getElementsByTagName(tag);
    if (nodes.getLength() == 0) {
      return java.util.Optional.empty();
    }
    Element problem = (Element) nodes.item(0);
    String message = problem.getAttribute("message");
    if (message.isBlank()) {
      message = problem.getAttribute("type");
    }
    return java.util.Optional.of(message.strip().lines().findFirst().orElse(""));
  }

  private static String name(Element testCase) {
    String className = testCase.getAttribute("classname");
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple + "." + testCase.getAttribute("name");
  }

  private static int count(Element suite, String attribute) {
    String value = suite.getAttribute(attribute);
    return value.isBlank() ? 0 : Integer.parseInt(value.trim());
  }

  private static DocumentBuilder parser() throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IOException("No XML parser for Surefire reports: " + e.getMessage(), e);
    }
  }
}
