package dev.hop.core.base;

/**
 * Spells the command a user runs for a hop goal, so that core's messages can name the next step
 * without knowing the build tool (the Maven plugin answers {@code mvn hop:patch-add -Did=12}).
 */
@FunctionalInterface
public interface CommandHints {

  /**
   * Spells a goal with its parameters.
   *
   * @param goal the goal name, e.g. {@code patch-add}
   * @param parameters alternating parameter names (the short design-card form, e.g. {@code id}) and
   *     values; a value written as {@code <...>} is a placeholder for the user to fill
   */
  String command(String goal, String... parameters);

  /** A tool-neutral spelling, {@code hop patch-add id=12}, for tests and non-Maven callers. */
  CommandHints NEUTRAL = (goal, parameters) -> {
    StringBuilder b = new StringBuilder("hop ").append(goal);
    for (int i = 0; i + 1 < parameters.length; i += 2) {
      b.append(' ').append(parameters[i]).append('=').append(parameters[i + 1]);
    }
    return b.toString();
  };
}
