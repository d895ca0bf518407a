package dev.hop.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where a build's time went from its own log: Maven's {@code Total time}, hop's one line per step with its
 * duration, Flyway's {@code execution time} of each operation; for the notes of a missed target.
 */
final class LogTimes {

  private static final Pattern MAVEN_TOTAL = Pattern.compile("Total time: +(?:(\\d+):)?(\\d+(?:\\.\\d+)?) (s|min)");
  private static final Pattern FLYWAY = Pattern.compile("\\(execution time (\\d+):(\\d+\\.\\d+)s\\)");
  private static final Pattern STEP = Pattern.compile("^\\[INFO\\] (.+) \\((\\d+\\.\\d+) s\\)$", Pattern.MULTILINE);

  private LogTimes() {
  }

  /** Maven's {@code Total time} in seconds (from the build's start, after the JVM's), or -1 when absent. */
  static double mavenTotal(String output) {
    Matcher m = MAVEN_TOTAL.matcher(output);
    if (!m.find()) {
      return -1;
    }
    double value = Double.parseDouble(m.group(2));
    if (m.group(3).equals("min")) {
      return Integer.parseInt(m.group(1)) * 60 + value;
    }
    return value;
  }

  /** The sum of Flyway's {@code (execution time mm:ss.SSSs)} figures: the time spent on its operations proper. */
  static double flywayExecution(String output) {
    Matcher m = FLYWAY.matcher(output);
    double total = 0;
    while (m.find()) {
      total += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
    }
    return total;
  }

  /** hop's step lines ({@code <step> (0.57 s)}), step → seconds, in order; repeated steps are added up. */
  static Map<String, Double> hopSteps(String output) {
    Map<String, Double> steps = new LinkedHashMap<>();
    Matcher m = STEP.matcher(output);
    while (m.find()) {
      steps.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
    }
    return steps;
  }

  /** The sum of the steps whose name starts with {@code prefix}. */
  static double sum(Map<String, Double> steps, String prefix) {
    return steps.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue)
        .sum();
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }
}
