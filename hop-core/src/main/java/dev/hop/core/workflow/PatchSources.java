package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.git.ReleaseArchive;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds a patch's files: a stage patch on its branch
 * {@code ho-release/X.Y.Z/<id>} (local, else origin's), an RC or production patch on {@code ho-prod},
 * the patch being developed in the working tree.
 */
public final class PatchSources {

  /** Reads the files of a folder at a revision, as {@link dev.hop.core.git.TreeReader#files} does. */
  @FunctionalInterface
  public interface FolderReader {
    SortedMap<String, byte[]> files(String revision, String folder) throws HopException;
  }

  private final FolderReader git;
  private final Releases releases;
  private final String prodRevision;

  /**
   * @param git how folders are read in Git
   * @param prodRevision where RC and production patches are read ({@code ho-prod}, or a release tag)
   */
  public PatchSources(FolderReader git, Releases releases, String prodRevision) {
    this.git = git;
    this.releases = releases;
    this.prodRevision = prodRevision;
  }

  /** The revision {@code id}'s files are read at, as a user would name it. */
  public String revisionOf(PatchId id) {
    Optional<ReleaseName> listing = releases.releaseListing(id);
    if (listing.isPresent() && listing.get().isStage()) {
      return ReleaseArchive.releaseBranch(listing.get().version(), id);
    }
    return prodRevision;
  }

  /** The files of {@code Patches/<id>/} (name → bytes) in Git, per {@link #revisionOf}. */
  public SortedMap<String, byte[]> fromGit(PatchId id) throws HopException {
    return git.files(revisionOf(id), Project.patchFolder(id));
  }

  /** The files of {@code Patches/<id>/} as they are in the working tree {@code dir} (sub-folders skipped). */
  public static SortedMap<String, byte[]> fromWorkingTree(Path dir) throws ProjectFileException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return Collections.unmodifiableSortedMap(files);
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          files.put(entry.getFileName().toString(), Files.readAllBytes(entry));
        }
      }
    } catch (IOException e) {
      throw new ProjectFileException("read the patch folder", dir, e);
    }
    return Collections.unmodifiableSortedMap(files);
  }
}
