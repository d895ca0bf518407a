package dev.hop.core.git;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The branch a CI job checked out, for a checkout whose HEAD is detached at the branch's commit (as Jenkins, GitHub
 * Actions and GitLab CI leave it): {@code -Dhop.branch} when given, else the first of the CI's variables that is set.
 *
 * @param name the branch's short name, e.g. {@code ho-prod}
 * @param source where it was read, e.g. {@code BRANCH_NAME}, for messages
 */
public record CiBranch(String name, String source) {
  /** The CI variables read, in order: Jenkins multibranch, GitHub Actions (pull request, then push), GitLab, Jenkins. */
  public static final List<String> VARIABLES = List.of("BRANCH_NAME", "GITHUB_HEAD_REF", "GITHUB_REF_NAME",
      "CI_COMMIT_REF_NAME", "GIT_BRANCH");

  public CiBranch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** The branch named by {@code explicit} ({@code hop.branch}), else by the first CI variable of {@code environment}. */
  public static Optional<CiBranch> of(Optional<String> explicit, GitEnvironment environment) {
    if (explicit.isPresent() && !explicit.get().isBlank()) {
      return Optional.of(new CiBranch(shortName(explicit.get()), "hop.branch"));
    }
    for (String variable : VARIABLES) {
      Optional<String> value = environment.variable(variable).filter(v -> !v.isBlank());
      if (value.isPresent()) {
        return Optional.of(new CiBranch(shortName(value.get()), variable));
      }
    }
    return Optional.empty();
  }

  /** {@code refs/heads/x}, {@code refs/remotes/origin/x} and {@code origin/x} (Jenkins' GIT_BRANCH) as {@code x}. */
  static String shortName(String name) {
    String s = name.trim();
    for (String prefix : List.of("refs/heads/", "refs/remotes/origin/", "origin/")) {
      if (s.startsWith(prefix)) {
        return s.substring(prefix.length());
      }
    }
    return s;
  }
}
