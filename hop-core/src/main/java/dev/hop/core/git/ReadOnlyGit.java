package dev.hop.core.git;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processes of the read-only Git commands hop runs itself ({@link GitStatusProgram}, {@link GitCatFile}): in the
 * work tree, with {@code --no-optional-locks} (so that Git never rewrites the index while hop reads), its standard
 * error discarded, and without the variables that would point Git at another repository than the one JGit opened.
 */
final class ReadOnlyGit {

  /** The variables that would point Git at another repository than the one JGit opened. */
  static final List<String> REPOSITORY_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
      "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE");

  private ReadOnlyGit() {
  }

  /** A process builder for {@code git --no-optional-locks <arguments>} in {@code workTree}. */
  static ProcessBuilder builder(Path git, Path workTree, List<String> arguments) {
    List<String> command = new ArrayList<>(arguments.size() + 2);
    command.add(git.toString());
    command.add("--no-optional-locks");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workTree.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> environment = builder.environment();
    REPOSITORY_VARIABLES.forEach(environment::remove);
    return builder;
  }
}
