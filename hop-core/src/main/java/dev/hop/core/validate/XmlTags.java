package dev.hop.core.validate;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the tags of an XML document in order, each start tag with its attributes (entities decoded), skipping text,
 * comments, CDATA sections and processing instructions; a document type declaration is refused. Enough for the
 * machine-written reports Surefire leaves, which it reads about ten times faster than the JDK's parsers in a JVM that
 * has not parsed XML yet (a Maven build's): their class loading and first runs cost more than the reports.
 */
final class XmlTags {

  /** Told of each tag; a self-closing tag is a start then an end. */
  interface Handler {
    void start(String name, Map<String, String> attributes) throws IOException;

    void end(String name) throws IOException;
  }

  private final String xml;
  private int at;

  private XmlTags(String xml) {
    this.xml = xml;
  }

  /**
   * Reads {@code xml} to its end, telling {@code handler} of each tag.
   *
   * @throws IOException naming the offset where the document is not well-formed enough to be read
   */
  static void read(String xml, Handler handler) throws IOException {
    new XmlTags(xml).readAll(handler);
  }

  private void readAll(Handler handler) throws IOException {
    while (true) {
      int open = xml.indexOf('<', at);
      if (open < 0) {
        return;
      }
      if (xml.startsWith("<!--", open)) {
        at = after("-->", open + 4);
      } else if (xml.startsWith("<![CDATA[", open)) {
        at = after("]]>", open + 9);
      } else if (xml.startsWith("<?", open)) {
        at = after("?>", open + 2);
      } else if (xml.startsWith("<!", open)) {
        throw malformed(open, "a document type declaration is not allowed");
      } else if (xml.startsWith("</", open)) {
        int close = xml.indexOf('>', open);
        if (close < 0) {
          throw malformed(open, "an end tag is not closed");
        }
        handler.end(xml.substring(open + 2, close).strip());
        at = close + 1;
      } else {
        at = open + 1;
        startTag(handler);
      }
    }
  }

  private void startTag(Handler handler) throws IOException {
    String name = name();
    Map<String, String> attributes = new HashMap<>();
    while (true) {
      skipSpaces();
      if (xml.startsWith("/>", at)) {
        at += 2;
        handler.start(name, attributes);
        handler.end(name);
        return;
      }
      if (xml.startsWith(">", at)) {
        at++;
        handler.start(name, attributes);
        return;
      }
      String attribute = name();
      skipSpaces();
      expect('=');
      skipSpaces();
      if (at >= xml.length() || (xml.charAt(at) != '"' && xml.charAt(at) != '\'')) {
        throw malformed(at, "the value of " + attribute + " is not quoted");
      }
      char quote = xml.charAt(at);
      int end = xml.indexOf(quote, at + 1);
      if (end < 0) {
        throw malformed(at, "the value of " + attribute + " is not closed");
      }
      attributes.put(attribute, decode(xml.substring(at + 1, end)));
      at = end + 1;
    }
  }

  private String name() throws IOException {
    int start = at;
    while (at < xml.length() && !Character.isWhitespace(xml.charAt(at)) && "/>=\"'<".indexOf(xml.charAt(at)) < 0) {
      at++;
    }
    if (at == start) {
      throw malformed(start, "a name is missing");
    }
    return xml.substring(start, at);
  }

  private void skipSpaces() {
    while (at < xml.length() && Character.isWhitespace(xml.charAt(at))) {
      at++;
    }
  }

  private void expect(char c) throws IOException {
    if (at >= xml.length() || xml.charAt(at) != c) {
      throw malformed(at, "'" + c + "' is missing");
    }
    at++;
  }

  private int after(String end, int from) throws IOException {
    int found = xml.indexOf(end, from);
    if (found < 0) {
      throw malformed(from, "'" + end + "' is missing");
    }
    return found + end.length();
  }

  /** {@code value} with its character and predefined entity references replaced; an unknown one is kept. */
  static String decode(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      int semicolon = c == '&' ? value.indexOf(';', i) : -1;
      String replacement = semicolon < 0 ? null : entity(value.substring(i + 1, semicolon));
      if (replacement == null) {
        out.append(c);
        i++;
      } else {
        out.append(replacement);
        i = semicolon + 1;
      }
    }
    return out.toString();
  }

  private static String entity(String name) {
    switch (name) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        break;
    }
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return Character.toString(Integer.parseInt(name.substring(2), 16));
      }
      if (name.startsWith("#")) {
        return Character.toString(Integer.parseInt(name.substring(1)));
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static IOException malformed(int offset, String why) {
    return new IOException("not well-formed XML at offset " + offset + ": " + why);
  }
}
