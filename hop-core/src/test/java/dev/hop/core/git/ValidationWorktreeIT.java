package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks the throw-away validation clone: shared objects, own branch, nothing written until checked out, project
 * untouched, removed on close.
 */
class ValidationWorktreeIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @Test
  void mergesInItsOwnCloneAndDisappears() throws Exception {
    git.git("bob", "switch", "-q", "-c", "ho-release/1.0.0/1");
    git.commit("bob", "Patches/1/01.sql", "select 1;\n");
    git.git("bob", "push", "-q", "origin", "ho-release/1.0.0/1");
    GitWorkspace alice = git.workspace("alice");
    new OriginSync(alice).fetch();
    String refsBefore = git.git("alice", "show-ref");
    ObjectId prod = alice.resolve("refs/heads/ho-prod").orElseThrow();
    Path folder = git.dir("alice").resolve("target/hop/validation");

    try (ValidationWorktree tree = ValidationWorktree.create(alice, folder, "temp-valid-1.0.0", GitId.of(prod))) {
      assertThat(git.cli().run(folder, "symbolic-ref", "--short", "HEAD")).isEqualTo("temp-valid-1.0.0");
      assertThat(git.cli().run(folder, "rev-parse", "HEAD")).isEqualTo(prod.name());
      assertThat(folder.resolve("README.md")).as("not checked out yet").doesNotExist();
      tree.checkOut(GitId.of(prod));
      assertThat(git.cli().run(folder, "status", "--porcelain")).isEmpty();
      assertThat(folder.resolve("README.md")).exists();
      assertThat(git.cli().run(folder, "count-objects")).startsWith("0 objects");
      new Merger(tree.workspace(), GitFixture.clock()).merge("ho-release/1.0.0/1", "Merge 1");
      assertThat(folder.resolve("Patches/1/01.sql")).exists();
      assertThat(git.cli().run(folder, "fsck", "--strict")).isEmpty();
    }

    assertThat(Files.exists(folder)).isFalse();
    assertThat(git.git("alice", "show-ref")).isEqualTo(refsBefore);
    assertThat(git.git("alice", "status", "--porcelain")).as("target/ is ignored").isEmpty();
    assertThat(git.root().resolve("alice/Patches")).doesNotExist();
  }
}
