package dev.hop.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps docs/goals.md equal to the plugin's descriptor: every goal, with its parameters, properties and defaults.
 * After changing a Mojo, write the page again with: {@code mvn -B test -pl hop-core,hop-maven-plugin
 * -Dtest=GoalsPageTest -Dsurefire.failIfNoSpecifiedTests=false -Dhop.writeDocs=true}.
 */
class GoalsPageTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path DESCRIPTOR = MODULE.resolve("target/classes/META-INF/maven/plugin.xml");
  private static final Path PAGE = MODULE.resolve("../docs/goals.md");

  @Test
  void docsGoalsMdIsThePluginDescriptorWritten() throws Exception {
    String page = page(goals());
    if (Boolean.getBoolean("hop.writeDocs")) {
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as("docs/goals.md differs from the plugin's descriptor; write it again (see this test's Javadoc)")
        .isEqualTo(page);
  }

  /** One goal: its description and its parameters by name. */
  private record Goal(String name, String description, Map<String, Parameter> parameters) {
  }

  /** One parameter as a user sets it. */
  private record Parameter(String name, String property, String defaultValue, String description) {
  }

  private static List<Goal> goals() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    Document descriptor = factory.newDocumentBuilder().parse(DESCRIPTOR.toFile());
    List<Goal> goals = new ArrayList<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      Map<String, String[]> configuration = new LinkedHashMap<>();
      Element config = child(mojo, "configuration");
      if (config != null) {
        for (Node n = config.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e) {
            configuration.put(e.getTagName(), new String[] {e.getTextContent(), e.getAttribute("default-value")});
          }
        }
      }
      Map<String, Parameter> parameters = new LinkedHashMap<>();
      Element list = child(mojo, "parameters");
      for (Node n = list == null ? null : list.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element p && "true".equals(text(p, "editable"))) {
          String name = text(p, "name");
          String[] conf = configuration.getOrDefault(name, new String[] {"", ""});
          String property = conf[0].startsWith("${") ? conf[0].substring(2, conf[0].length() - 1) : "";
          parameters.put(name, new Parameter(name, property, conf[1], escaped(plain(text(p, "description")))));
        }
      }
      goals.add(new Goal(text(mojo, "goal"), escaped(plain(text(mojo, "description"))), parameters));
    }
    goals.sort((a, b) -> a.name().compareTo(b.name()));
    return goals;
  }

  private static String page(List<Goal> goals) {
    Set<String> shared = new TreeSet<>(goals.stream().filter(g -> !g.name().equals("help")).findFirst()
        .orElseThrow().parameters().keySet());
    goals.stream().filter(g -> !g.name().equals("help")).forEach(g -> shared.retainAll(g.parameters().keySet()));
    StringBuilder b = new StringBuilder();
    b.append("# Goals\n\n")
        .append("Written from hop-maven-plugin's descriptor (`GoalsPageTest` keeps it equal). Run a goal as `mvn hop:<goal>`")
        .append(" in a hop project, or `mvn dev.hop:hop-maven-plugin:<version>:<goal>` elsewhere. A goal's own")
        .append(" parameters also take a short form: `-Did=12` for `hop.id`.\n\n");
    b.append("| goal | what it does |\n|---|---|\n");
    for (Goal goal : goals) {
      b.append("| [").append(goal.name()).append("](#hop").append(goal.name()).append(") | ")
          .append(firstSentence(goal.description())).append(" |\n");
    }
    b.append("\n## Parameters of every goal\n\n");
    Goal any = goals.stream().filter(g -> !g.name().equals("help")).findFirst().orElseThrow();
    table(b, any.parameters().values().stream().filter(p -> shared.contains(p.name())).toList());
    for (Goal goal : goals) {
      b.append("\n## hop:").append(goal.name()).append("\n\n").append(goal.description()).append('\n');
      List<Parameter> own = goal.parameters().values().stream().filter(p -> !shared.contains(p.name())).toList();
      if (!own.isEmpty()) {
        b.append('\n');
        table(b, own);
      }
    }
    return b.toString();
  }

  private static void table(StringBuilder b, List<Parameter> parameters) {
    b.append("| parameter | property | default | meaning |\n|---|---|---|---|\n");
    for (Parameter p : parameters) {
      b.append("| ").append(p.name()).append(" | ").append(p.property().isEmpty() ? "" : "`" + p.property() + "`")
          .append(" | ").append(p.defaultValue().isEmpty() ? "" : "`" + p.defaultValue() + "`").append(" | ")
          .append(p.description().replace("|", "\\|")).append(" |\n");
    }
  }

  /**
   * The descriptor's HTML as Markdown text: code spans kept, HTML's own tags dropped (a {@code <server>} the
   * Javadoc names stays), white space folded.
   */
  private static String plain(String html) {
    return html.replaceAll("(?s)<code>(.*?)</code>", "`$1`")
        .replaceAll("</?(p|br|pre|ul|ol|li|a|em|strong|i|b|tt|div|span)( [^>]*)?/?>", "").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
        .replaceAll("\\s+", " ").strip();
  }

  /** {@code <} and {@code >} outside code spans as entities, so that Markdown shows them rather than eats them. */
  private static String escaped(String text) {
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i += 2) {
      parts[i] = parts[i].replace("<", "&lt;").replace(">", "&gt;");
    }
    return String.join("`", parts);
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return (end < 0 ? text : text.substring(0, end + 1)).replace("|", "\\|");
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent();
  }
}
