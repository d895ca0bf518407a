package dev.hop.maven;

import dev.hop.core.base.CommandHints;

/** Spells hop's next-step hints as Maven commands: {@code mvn hop:patch-add -Did=12 -DtoVersion=1.4.0}. */
final class MavenCommandHints implements CommandHints {

  static final MavenCommandHints INSTANCE = new MavenCommandHints();

  private MavenCommandHints() {
  }

  @Override
  public String command(String goal, String... parameters) {
    StringBuilder b = new StringBuilder("mvn hop:").append(goal);
    for (int i = 0; i + 1 < parameters.length; i += 2) {
      b.append(" -D").append(parameters[i]).append('=').append(parameters[i + 1]);
    }
    return b.toString();
  }
}
