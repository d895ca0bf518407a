package dev.hop.core.workflow;

import dev.hop.core.base.Sha256;
import dev.hop.core.db.AppliedScript;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.PatchScript;
import dev.hop.core.db.PatchScripts;
import dev.hop.core.db.RecordedRelease;
import dev.hop.core.errors.DriftException;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.TreeReader;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The script files a database records as applied ({@code hop_applied_patch}) compared with its production releases in
 * Git: each file as its release's tag {@code vX.Y.Z} holds it (the recorded SHA-256 must match), and as the
 * checked-out commit holds it (a released file is never edited: a fix is a new patch). A release the database holds
 * with no file recorded was applied before hop recorded files (by half_orm_dev, or loaded from a snapshot): it is
 * listed, not judged.
 */
public final class AppliedFilesCheck {

  /** How a released file departs from what the database recorded. */
  public enum Kind {
    /** The file at the release's tag is not the one applied (the tag was moved or the file rewritten). */
    EDITED,
    /** The file at the tag is the one applied, but the checked-out commit changed, removed or added it. */
    EDITED_SINCE_RELEASE,
    /** Recorded as applied, absent at the release's tag. */
    MISSING,
    /** A script of the release at its tag that the database never recorded. */
    UNRECORDED
  }

  /**
   * One released file that departs.
   *
   * @param detail for {@link Kind#EDITED_SINCE_RELEASE}: {@code changed}, {@code removed} or {@code added}; else empty
   */
  public record Finding(Kind kind, Version release, String patch, String file, String detail) {
    public Finding {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(patch, "patch");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(detail, "detail");
    }

    /** The file in the repository, {@code Patches/<id>/<file>}. */
    public String path() {
      return Project.PATCHES + "/" + patch + "/" + file;
    }

    /** One line for the user. */
    public String describe() {
      String tag = UpgradePlan.tagOf(release);
      return switch (kind) {
        case EDITED -> "edited: " + path() + " of release " + release + " differs at tag " + tag
            + " from the file the database applied";
        case EDITED_SINCE_RELEASE -> detail + " since " + tag + ": " + path() + " of release " + release;
        case MISSING -> "missing: " + path() + " of release " + release + " was applied but is not at tag " + tag;
        case UNRECORDED -> "not recorded: " + path() + " of release " + release + " is at tag " + tag
            + " but the database records no such file applied";
      };
    }
  }

  /**
   * What the comparison found.
   *
   * @param findings the files that depart, by release then patch then file
   * @param checked the production releases whose files were compared
   * @param withoutRecords the production releases the database holds with no file recorded (not compared)
   */
  public record Outcome(List<Finding> findings, List<Version> checked, List<Version> withoutRecords) {
    public Outcome {
      findings = List.copyOf(findings);
      checked = List.copyOf(checked);
      withoutRecords = List.copyOf(withoutRecords);
    }
  }

  private AppliedFilesCheck() {
  }

  /**
   * Compares the files {@code applied} records for the production releases {@code recorded} holds with Git.
   *
   * @param releases the project's release files, which list each release's patches
   * @throws dev.hop.core.errors.RepositoryStateException MISSING_REF when a release's tag is missing
   */
  public static Outcome compare(GitWorkspace git, Releases releases, List<RecordedRelease> recorded,
      List<AppliedScript> applied) throws HopException {
    TreeReader reader = new TreeReader(git);
    List<Finding> findings = new ArrayList<>();
    List<Version> checked = new ArrayList<>();
    List<Version> withoutRecords = new ArrayList<>();
    for (RecordedRelease r : recorded) {
      if (!r.release().isProduction()) {
        continue;
      }
      Version version = r.release().version();
      List<AppliedScript> rows = applied.stream().filter(a -> a.release().equals(version.toString())).toList();
      Set<String> patches = new LinkedHashSet<>();
      if (releases.isReleased(version)) {
        releases.patches(ReleaseName.production(version)).forEach(id -> patches.add(id.value()));
      }
      if (rows.isEmpty()) {
        if (!patches.isEmpty()) {
          withoutRecords.add(version);
        }
        continue;
      }
      rows.forEach(row -> patches.add(row.patchId()));
      String tag = UpgradePlan.tagOf(version);
      Map<String, SortedMap<String, byte[]>> atTag = reader.folders(tag, Project.PATCHES, patches);
      Map<String, SortedMap<String, byte[]>> now = reader.folders(TreeReader.CHECKED_OUT, Project.PATCHES, patches);
      findings.addAll(compareRelease(version, patches, rows, atTag, now));
      checked.add(version);
    }
    return new Outcome(findings, checked, withoutRecords);
  }

  /**
   * Refuses to change the database {@code c} is connected to when its applied files no longer match Git (hashes
   * only); a database with no file recorded passes.
   *
   * @throws DriftException RELEASED_FILES naming each file
   */
  public static void requireUnedited(Project project, ProductionDatabase database, Connection c, Releases releases,
      String goal) throws HopException {
    requireUnedited(project, database, c, releases, goal, new Memo(new Object()));
  }

  /**
   * As {@link #requireUnedited(Project, ProductionDatabase, Connection, Releases, String)}, comparing with Git through
   * {@code memo}: the databases of a fleet mostly record the same files, which are then read and hashed once.
   */
  public static void requireUnedited(Project project, ProductionDatabase database, Connection c, Releases releases,
      String goal, Memo memo) throws HopException {
    MetadataSchema metadata = new MetadataSchema();
    List<AppliedScript> applied = metadata.isComplete(c) ? metadata.applied(c) : List.of();
    if (applied.isEmpty()) {
      return;
    }
    Outcome files = memo.compare(project.git(), releases, metadata.releases(c), applied);
    if (!files.findings().isEmpty()) {
      throw DriftException.releasedFiles(goal, database.name(), files.findings().stream().map(Finding::describe)
          .toList(), project.settings().hints());
    }
  }

  /**
   * The outcomes of {@link #compare} by what they depend on — the releases recorded and each applied file's release,
   * patch, name and SHA-256 — so that databases recording the same files are compared with Git once. Git is read
   * while holding {@code gitLock}, which the caller's other readers of the repository share.
   */
  public static final class Memo {
    private final Object gitLock;
    private final Map<List<List<String>>, Outcome> outcomes = new HashMap<>();

    public Memo(Object gitLock) {
      this.gitLock = Objects.requireNonNull(gitLock, "gitLock");
    }

    /** The outcome of {@link AppliedFilesCheck#compare} for these arguments, computed once per distinct record. */
    public Outcome compare(GitWorkspace git, Releases releases, List<RecordedRelease> recorded,
        List<AppliedScript> applied) throws HopException {
      List<List<String>> key = new ArrayList<>();
      recorded.forEach(r -> key.add(List.of(r.release().toString())));
      applied.forEach(a -> key.add(List.of(a.release(), a.patchId(), a.file(), a.sha256())));
      synchronized (gitLock) {
        Outcome outcome = outcomes.get(key);
        if (outcome == null) {
          outcome = AppliedFilesCheck.compare(git, releases, recorded, applied);
          outcomes.put(key, outcome);
        }
        return outcome;
      }
    }
  }

  private static List<Finding> compareRelease(Version version, Set<String> patches, List<AppliedScript> rows,
      Map<String, SortedMap<String, byte[]>> atTag, Map<String, SortedMap<String, byte[]>> now) {
    List<Finding> findings = new ArrayList<>();
    for (String patch : patches) {
      Map<String, String> recorded = new TreeMap<>();
      rows.stream().filter(row -> row.patchId().equals(patch)).forEach(row -> recorded.put(row.file(), row.sha256()));
      SortedMap<String, byte[]> tagged = atTag.get(patch);
      SortedMap<String, byte[]> current = now.get(patch);
      recorded.forEach((file, sha256) -> {
        byte[] released = tagged.get(file);
        if (released == null) {
          findings.add(new Finding(Kind.MISSING, version, patch, file, ""));
        } else if (!Sha256.hex(released).equals(sha256)) {
          findings.add(new Finding(Kind.EDITED, version, patch, file, ""));
        }
      });
      List<PatchScript> scriptsAtTag = PatchScripts.of(tagged);
      scriptsAtTag.stream().map(PatchScript::name).filter(file -> !recorded.containsKey(file))
          .forEach(file -> findings.add(new Finding(Kind.UNRECORDED, version, patch, file, "")));
      for (PatchScript script : scriptsAtTag) {
        byte[] checkedOut = current.get(script.name());
        if (checkedOut == null) {
          findings.add(new Finding(Kind.EDITED_SINCE_RELEASE, version, patch, script.name(), "removed"));
        } else if (!Arrays.equals(checkedOut, script.bytes())) {
          findings.add(new Finding(Kind.EDITED_SINCE_RELEASE, version, patch, script.name(), "changed"));
        }
      }
      PatchScripts.of(current).stream().filter(script -> !tagged.containsKey(script.name()))
          .forEach(script -> findings.add(new Finding(Kind.EDITED_SINCE_RELEASE, version, patch, script.name(),
              "added")));
    }
    return findings;
  }
}
