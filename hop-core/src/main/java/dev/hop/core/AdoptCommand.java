package dev.hop.core;

import dev.hop.core.errors.AdoptionRefusedException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.InvalidVersionException;
import dev.hop.core.git.TeamLock;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.DatabaseAdoption;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.TeamGate;
import java.util.List;
import java.util.Optional;

/**
 * Adopts the existing database that hop.url names ({@link DatabaseAdoption}). In a project made by the archetype and
 * still at 0.0.0, its schema becomes release {@code version}, under the team lock; in a project that began with an
 * adoption, the database must have the adopted schema, and the adopted release is recorded in it. Refuses
 * ({@code HopUserException}) without hop.url or a version, a project with releases of its own, a database that is
 * missing or already records a release, a schema that differs from the adopted one; off a clean ho-prod synced with
 * origin for the first adoption.
 */
public final class AdoptCommand extends HopCommand<AdoptResult> {
  static final String GOAL = "adopt";

  private String version;
  private List<String> schemas = List.of();
  private boolean dryRun;

  AdoptCommand(Project project) {
    super(project);
  }

  /** The version the existing schema becomes (first adoption); for a further database, the adopted one if given. */
  public AdoptCommand setVersion(String version) {
    checkCallable();
    this.version = version;
    return this;
  }

  /** The schemas to take (all but hop's metadata when empty). */
  public AdoptCommand setSchemas(List<String> schemas) {
    checkCallable();
    this.schemas = List.copyOf(schemas);
    return this;
  }

  /** Writes the files to review (first adoption) or only compares (further database), changing nothing. */
  public AdoptCommand setDryRun(boolean dryRun) {
    checkCallable();
    this.dryRun = dryRun;
    return this;
  }

  @Override
  protected Changes<AdoptResult> check() throws HopException {
    ProductionDatabase database = ProductionDatabase.of(project.settings(), GOAL);
    Releases releases = project.releases();
    Optional<Version> adopted = releases.adoption();
    DatabaseAdoption adoption = new DatabaseAdoption(project, database, schemas);
    if (adopted.isPresent()) {
      Version v = adopted.get();
      if (version != null && !version.isBlank() && !parse(version).equals(v)) {
        throw AdoptionRefusedException.otherVersion(version.trim(), v.toString(), project.settings().hints());
      }
      adoption.check();
      return () -> {
        boolean recorded = adoption.recordCopy(v, dryRun);
        return new AdoptResult(AdoptResult.Kind.FURTHER, database.name(), v, dryRun, List.of(), Optional.empty(),
            recorded, took());
      };
    }
    Version v = parse(version);
    if (!releases.names().isEmpty()) {
      throw AdoptionRefusedException.projectHasReleases(releases.names().stream().map(ReleaseName::fileName).toList(),
          project.settings().hints());
    }
    TeamGate gate = new TeamGate(project);
    if (!dryRun) {
      gate.requireReady("adopt " + database.name());
    }
    adoption.check();
    return () -> {
      DatabaseAdoption.Outcome done;
      if (dryRun) {
        done = adoption.adopt(v, true);
      } else {
        try (TeamLock lock = gate.lock(GOAL)) {
          done = adoption.adopt(v, false);
        }
      }
      return new AdoptResult(AdoptResult.Kind.FIRST, database.name(), v, dryRun, done.files(), done.tag(),
          done.recorded(), took());
    };
  }

  private Version parse(String text) throws AdoptionRefusedException {
    try {
      Version v = Version.parse(text == null ? "" : text.trim());
      if (v.equals(Version.ZERO)) {
        throw AdoptionRefusedException.noVersion(text, project.settings().hints());
      }
      return v;
    } catch (InvalidVersionException e) {
      throw AdoptionRefusedException.noVersion(text, project.settings().hints());
    }
  }
}
