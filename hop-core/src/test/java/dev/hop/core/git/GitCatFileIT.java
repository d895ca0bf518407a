package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads folders through git cat-file exactly as TreeReader reads them through JGit, and the branch from HEAD. */
class GitCatFileIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();
  private GitCatFile catFile;

  @BeforeEach
  void open() throws Exception {
    git.git("bob", "switch", "-q", "-c", "ho-release/1.0.0/12-users");
    git.sandbox.write("bob", "Patches/12-users/README.md", "# Users\n");
    git.sandbox.write("bob", "Patches/12-users/01 table é.sql", "create table users(id int);\n");
    git.sandbox.write("bob", "Patches/12-users/sub/ignored.sql", "select 1;\n");
    Path binary = git.dir("bob").resolve("Patches/12-users/02-data.bin");
    Files.write(binary, new byte[] {0, 1, 2, '\n', (byte) 0xff, 0});
    Path script = git.dir("bob").resolve("Patches/12-users/03-run.sh");
    Files.writeString(script, "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(git.dir("bob").resolve("Patches/12-users/04-link.sql"), Path.of("README.md"));
    git.git("bob", "add", "-A");
    git.git("bob", "commit", "-q", "-m", "patch 12");
    git.git("bob", "tag", "-a", "-m", "a tag", "v1.0.0");
    git.git("bob", "push", "-q", "origin", "ho-release/1.0.0/12-users", "v1.0.0");
    git.git("alice", "fetch", "-q", "origin", "+refs/tags/*:refs/tags/*", "+refs/heads/*:refs/remotes/origin/*");
    git.commit("alice", "Patches/13/01.sql", "select 13;\n");
    catFile = GitCatFile.start(git.dir("alice"), new GitEnvironment(Path.of("/nonexistent"),
        Map.of("PATH", System.getenv().getOrDefault("PATH", "")))).orElseThrow();
  }

  @AfterEach
  void close() {
    catFile.close();
  }

  @Test
  void readsEveryRevisionFormAsJGitDoes() throws Exception {
    String commit = git.git("alice", "rev-parse", "origin/ho-release/1.0.0/12-users");
    TreeReader jgit = new TreeReader(git.workspace("alice"));
    for (String revision : List.of("ho-release/1.0.0/12-users", "refs/remotes/origin/ho-release/1.0.0/12-users",
        "v1.0.0", commit, commit.substring(0, 12), "ho-prod")) {
      for (String folder : List.of("Patches/12-users", "/Patches/12-users/", "Patches/13", "Patches/none", "")) {
        Optional<SortedMap<String, byte[]>> read = catFile.files(revision, folder);
        assertThat(read).as(revision + " " + folder).isPresent();
        assertThat(text(read.get())).as(revision + " " + folder).isEqualTo(text(jgit.files(revision, folder)));
      }
    }
    Map<String, String> patch = text(catFile.files("v1.0.0", "Patches/12-users").orElseThrow());
    assertThat(patch.keySet()).containsExactly("01 table é.sql", "02-data.bin", "03-run.sh", "README.md");
    assertThat(catFile.files("v1.0.0", "Patches/12-users").orElseThrow().get("02-data.bin"))
        .containsExactly(0, 1, 2, '\n', 0xff, 0);
  }

  @Test
  void aRevisionGitDoesNotFindIsLeftToJGitAndTheReaderGoesOn() {
    assertThat(catFile.files("no-such-branch", "Patches/12-users")).isEmpty();
    assertThat(catFile.files("ho-prod", "Patches/13")).isPresent();
  }

  @Test
  void treeEntriesAreReadWhateverTheirNames() throws Exception {
    byte[] id = new byte[20];
    id[0] = (byte) 0xab;
    id[19] = 0x01;
    java.io.ByteArrayOutputStream tree = new java.io.ByteArrayOutputStream();
    tree.write("100644 a b\0".getBytes(StandardCharsets.UTF_8));
    tree.write(id);
    tree.write("40000 dir\0".getBytes(StandardCharsets.UTF_8));
    tree.write(id);
    assertThat(GitCatFile.entries(tree.toByteArray(), 20)).containsExactly(
        new GitCatFile.Entry("100644", "a b", "ab" + "00".repeat(18) + "01"),
        new GitCatFile.Entry("40000", "dir", "ab" + "00".repeat(18) + "01"));
  }

  @Test
  void theBranchIsReadFromHeadUnlessHeadIsDetachedOrTheRefsAreNotFiles() throws Exception {
    assertThat(GitWorkspace.headBranch(git.dir("alice"))).contains("ho-prod");
    git.git("alice", "switch", "-q", "-c", "ho-patch/12-users");
    assertThat(GitWorkspace.headBranch(git.dir("alice"))).contains("ho-patch/12-users");
    assertThat(GitWorkspace.headBranch(git.dir("alice")))
        .isEqualTo(Optional.of(git.workspace("alice").currentBranch()));
    git.git("alice", "switch", "-q", "--detach");
    assertThat(GitWorkspace.headBranch(git.dir("alice"))).isEmpty();
    git.git("alice", "switch", "-q", "ho-prod");
    git.git("alice", "config", "extensions.refStorage", "files");
    assertThat(GitWorkspace.headBranch(git.dir("alice"))).isEmpty();
    assertThat(GitWorkspace.headBranch(git.root().resolve("nowhere"))).isEmpty();
  }

  private static Map<String, String> text(SortedMap<String, byte[]> files) {
    Map<String, String> text = new TreeMap<>();
    files.forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.ISO_8859_1)));
    return text;
  }
}
