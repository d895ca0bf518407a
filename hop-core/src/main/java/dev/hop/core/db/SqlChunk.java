package dev.hop.core.db;

/**
 * One piece of an SQL file as {@link SqlSplitter} cut it: a statement (without its final semicolon) or a
 * psql meta-command line, with where it starts in the file.
 *
 * @param kind statement or meta-command
 * @param text the statement's text, starting at its first token
 * @param offset the index in the file's text of the first character of {@code text}
 * @param line 1-based line of that character
 * @param column 1-based column (in code points) of that character
 */
public record SqlChunk(Kind kind, String text, int offset, int line, int column) {

  /** What a chunk is. */
  public enum Kind {
    STATEMENT,
    META_COMMAND
  }
}
