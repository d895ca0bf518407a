package dev.hop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the results as Markdown: the machine, each comparison with its ratio, and how to reproduce them. */
final class Results {

  private Results() {}

  static String markdown(Machine machine, List<Comparison> comparisons, String command) {
    StringBuilder md = new StringBuilder();
    md.append("# hop benchmark results\n\n");
    md.append("Written by `bench/run` (see bench/README.md); medians of the measured rounds, runs interleaved ")
        .append("(hop, peer, hop, peer, …) after one untimed warm-up each, every side forked through Maven ")
        .append("on the same PostgreSQL server.\n\n");
    md.append("## Machine\n\n").append(machine.markdown()).append('\n');
    md.append("## Ratios\n\n");
    md.append("| | measure | hop | peer | ratio or growth (range) | target | verdict |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Comparison c : comparisons) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | **%s** (%s) | %s | %s |%n",
          c.id(), c.what(), c.hop().describe(), c.peer().describe(), c.result(), c.ratioRange(), c.targetText(),
          c.verdict()));
    }
    md.append('\n');
    boolean notes = false;
    for (Comparison c : comparisons) {
      if (!c.note().isBlank()) {
        if (!notes) {
          md.append("## Notes\n\n");
          notes = true;
        }
        md.append("- **").append(c.id()).append("**: ").append(c.note()).append('\n');
      }
    }
    if (notes) {
      md.append('\n');
    }
    md.append("## Reproduce\n\n```bash\n").append(command).append("\n```\n");
    return md.toString();
  }

  static void write(Path file, String markdown) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, markdown);
  }
}
