package dev.hop.core.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads what a cloned project's {@code pom.xml} says about its development database (hop-maven-plugin's
 * {@code <database>}, else the artifactId with {@code -} as {@code _}), for goals that run outside the project.
 */
public final class ProjectPom {

  private ProjectPom() {
  }

  /** The development database name the project's pom configures; empty when the pom cannot tell. */
  public static Optional<String> database(Path projectDir) {
    Path pom = projectDir.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return Optional.empty();
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(pom.toFile());
      Element project = doc.getDocumentElement();
      NodeList plugins = doc.getElementsByTagName("plugin");
      for (int i = 0; i < plugins.getLength(); i++) {
        Element plugin = (Element) plugins.item(i);
        if ("hop-maven-plugin".equals(child(plugin, "artifactId")) && child(plugin, "configuration") != null) {
          Element configuration = (Element) first(plugin, "configuration");
          String database = child(configuration, "database");
          if (database != null && !database.isBlank() && !database.contains("${")) {
            return Optional.of(database.trim());
          }
        }
      }
      String artifactId = child(project, "artifactId");
      return artifactId == null || artifactId.contains("${") ? Optional.empty()
          : Optional.of(artifactId.trim().replace('-', '_'));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Node first(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return n;
      }
    }
    return null;
  }

  private static String child(Element parent, String name) {
    Node n = first(parent, name);
    return n == null ? null : n.getTextContent();
  }
}
