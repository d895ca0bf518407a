package dev.hop.core.codegen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out unique names within one scope (a package, a class): a name already taken, ignoring case so that
 * files stay distinct on case-insensitive file systems, gets {@code _2}, {@code _3}… in the order asked.
 */
final class NameTable {

  private final Set<String> taken = new HashSet<>();

  /** A table where {@code reserved} names are already taken. */
  NameTable(Set<String> reserved) {
    reserved.forEach(this::take);
  }

  NameTable() {
    this(Set.of());
  }

  /** {@code wanted}, or the first of {@code wanted_2}, {@code wanted_3}… that is free, now taken. */
  String claim(String wanted) {
    return claim(wanted, "");
  }

  /**
   * Like {@link #claim(String)}, but also takes the name with {@code companionSuffix} appended (a relation class
   * {@code Item} and its test {@code ItemTest}), so that neither clashes with a name claimed before or after.
   */
  String claim(String wanted, String companionSuffix) {
    String name = wanted;
    for (int n = 2; isTaken(name) || !companionSuffix.isEmpty() && isTaken(name + companionSuffix); n++) {
      name = wanted + "_" + n;
    }
    take(name);
    if (!companionSuffix.isEmpty()) {
      take(name + companionSuffix);
    }
    return name;
  }

  private boolean isTaken(String name) {
    return taken.contains(name.toLowerCase(Locale.ROOT));
  }

  private void take(String name) {
    taken.add(name.toLowerCase(Locale.ROOT));
  }
}
