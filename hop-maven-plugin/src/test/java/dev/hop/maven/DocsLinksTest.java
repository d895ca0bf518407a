package dev.hop.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The user's documentation (README.md and docs/) points only inside the repository, and to what exists there. */
class DocsLinksTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#+ (.+)$", Pattern.MULTILINE);

  @Test
  void everyRelativeLinkReachesAFileAndItsHeading() throws IOException {
    List<String> dead = new ArrayList<>();
    for (Path page : pages()) {
      Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (m.find()) {
        String link = m.group(1);
        if (link.matches("[a-z]+:.*")) {
          continue;
        }
        String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!target.startsWith(ROOT) || !Files.exists(target)) {
          dead.add(ROOT.relativize(page) + ": " + link);
        } else if (!anchor.isEmpty() && !anchors(target).contains(anchor)) {
          dead.add(ROOT.relativize(page) + ": " + link + " (no such heading)");
        }
      }
    }
    assertThat(dead).as("links that lead nowhere, or out of the repository").isEmpty();
  }

  @Test
  void everyDocsPageIsListedInTheIndex() throws IOException {
    String index = Files.readString(ROOT.resolve("docs/README.md"), StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md")))
          .allSatisfy(name -> assertThat(index).contains("(" + name + ")"));
    }
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The anchors GitHub makes of a page's headings: lower case, spaces as dashes, punctuation dropped. */
  private static List<String> anchors(Path page) throws IOException {
    List<String> anchors = new ArrayList<>();
    if (!page.toString().endsWith(".md")) {
      return anchors;
    }
    Matcher m = HEADING.matcher(Files.readString(page, StandardCharsets.UTF_8));
    while (m.find()) {
      anchors.add(m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
    }
    return anchors;
  }
}
