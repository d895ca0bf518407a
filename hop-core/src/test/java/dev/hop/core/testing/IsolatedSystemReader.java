package dev.hop.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit read its user, system and JGit configuration from files under one folder instead of the real ones.
 *
 * <p>Layout: {@code home/.gitconfig} (user config, the same file {@link GitCli} uses as global config),
 * {@code home/.config} (XDG_CONFIG_HOME), {@code etc/gitconfig} (system config, empty). HOME, user.home and
 * XDG_CONFIG_HOME point into it, and other {@code GIT_*} variables of the real environment are hidden.
 *
 * <p>JGit's own config, where it caches the file system's timestamp resolution, is one file per machine user in the
 * temp folder ({@link #SHARED_JGIT_CONFIG}), not in the real home: measuring that resolution takes JGit about 3 s, and
 * a config per sandbox would pay it in every test JVM. JGit writes nothing else there.
 *
 * <p>JGit keeps one reader per JVM, so readers nest: closing one puts back the one installed before it (or the one
 * found before the first). Closing out of order is safe; running isolated JGit tests in parallel is not.
 */
public final class IsolatedSystemReader extends SystemReader.Delegate implements AutoCloseable {

  /** JGit's own config file shared by all sandboxes of this machine user (a timestamp-resolution cache). */
  public static final Path SHARED_JGIT_CONFIG = Path.of(System.getProperty("java.io.tmpdir"),
      "hop-test-jgit-" + System.getProperty("user.name"), "config");

  private static final Deque<IsolatedSystemReader> INSTALLED = new ArrayDeque<>();
  private static SystemReader outside;

  private final Path home;
  private final Path systemConfig;

  private IsolatedSystemReader(SystemReader delegate, Path root) throws IOException {
    super(delegate);
    this.home = Files.createDirectories(root.resolve("home")).toRealPath();
    this.systemConfig = Files.createDirectories(root.resolve("etc")).toRealPath().resolve("gitconfig");
    Files.createDirectories(xdgConfigHome());
    touch(userConfigFile());
    touch(systemConfig);
  }

  /** Creates the layout under {@code root} (kept if present) and makes it JGit's view of the system until closed. */
  public static synchronized IsolatedSystemReader install(Path root) {
    if (INSTALLED.isEmpty()) {
      outside = SystemReader.getInstance();
    }
    try {
      IsolatedSystemReader reader = new IsolatedSystemReader(outside, root);
      INSTALLED.addLast(reader);
      SystemReader.setInstance(reader);
      return reader;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare an isolated git configuration under " + root, e);
    }
  }

  /** The sandbox's home folder. */
  public Path home() {
    return home;
  }

  /** The user-level ("global") git config file. */
  public Path userConfigFile() {
    return home.resolve(".gitconfig");
  }

  /** The folder that XDG_CONFIG_HOME names. */
  public Path xdgConfigHome() {
    return home.resolve(".config");
  }

  @Override
  public String getenv(String variable) {
    switch (variable) {
      case "HOME":
        return home.toString();
      case "XDG_CONFIG_HOME":
        return xdgConfigHome().toString();
      case "GIT_CONFIG_NOSYSTEM":
        return "1";
      default:
        return variable.startsWith("GIT_") ? null : super.getenv(variable);
    }
  }

  @Override
  public String getProperty(String key) {
    return "user.home".equals(key) ? home.toString() : super.getProperty(key);
  }

  @Override
  public FileBasedConfig openUserConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, userConfigFile().toFile(), fs);
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, systemConfig.toFile(), fs);
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, SHARED_JGIT_CONFIG.toFile(), fs);
  }

  /** Stops this isolation; JGit's reader becomes the latest still-open isolated one, or the one from before. */
  @Override
  public void close() {
    synchronized (IsolatedSystemReader.class) {
      if (!INSTALLED.remove(this)) {
        return;
      }
      if (SystemReader.getInstance() == this) {
        SystemReader.setInstance(INSTALLED.isEmpty() ? outside : INSTALLED.peekLast());
      }
    }
  }

  private static void touch(Path file) throws IOException {
    if (Files.notExists(file)) {
      Files.createFile(file);
    }
  }
}
