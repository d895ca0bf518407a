package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.codegen.CodeGenerator;
import dev.hop.core.codegen.CodegenResult;
import dev.hop.core.codegen.SchemaModel;
import dev.hop.core.codegen.SchemaReader;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.GitId;
import dev.hop.core.git.InMemoryMerger;
import dev.hop.core.git.ReleaseArchive;
import dev.hop.core.git.TreeReader;
import dev.hop.core.git.ValidationWorktree;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.validate.SurefireReports;
import dev.hop.core.validate.TestDatabaseTarget;
import dev.hop.core.validate.TestReport;
import dev.hop.core.validate.TestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * patch-add's validation: in a separate work tree, {@code temp-valid-X.Y.Z} = ho-prod + the pending
 * stages' patch branches + the patch; a validation database at the production state with the context applied
 * (every patch read from the merged tree); code regenerated there; the project's tests run against it. The work
 * tree, its branch and the database are gone when it fails; when it reports the tests, they are being removed on a
 * thread of their own, while the caller records the outcome, and {@link #close()} waits until they are.
 */
public final class PatchValidation implements AutoCloseable {
  /** The suffix of the validation database's name. */
  public static final String DATABASE_SUFFIX = "validation";

  private final Project project;
  private final Releases releases;
  private final Version target;
  private final PatchId patch;
  private final TestRunner tests;
  private boolean ran;
  private Background<Void> cleanup;

  public PatchValidation(Project project, Releases releases, Version target, PatchId patch, TestRunner tests) {
    this.project = project;
    this.releases = releases;
    this.target = target;
    this.patch = patch;
    this.tests = tests;
  }

  /** The branches merged on top of ho-prod, in order: the stage patches of the context, then the patch's own. */
  public List<String> branches() {
    List<String> branches = new ArrayList<>();
    for (PatchId id : context()) {
      Optional<ReleaseName> listing = releases.releaseListing(id);
      if (listing.isPresent() && listing.get().isStage()) {
        branches.add(ReleaseArchive.releaseBranch(listing.get().version(), id));
      }
    }
    branches.add(ReleaseArchive.patchBranch(patch));
    return branches;
  }

  /** The validation database, beside the development database. */
  public DatabaseTarget database() throws HopException {
    return ScratchDatabase.targetFor(project.development(), DATABASE_SUFFIX);
  }

  /**
   * Where the reports of a failing validation are kept, {@code target/hop/validation-reports/<id>}: the work tree
   * they were written in is removed when the validation ends.
   */
  public Path reportsFolder() {
    return project.dir().resolve("target").resolve("hop").resolve("validation-reports").resolve(patch.value());
  }

  /** The work tree's folder, {@code target/hop/validation-<id>}. */
  public Path folder() {
    return project.dir().resolve("target").resolve("hop").resolve("validation-" + patch);
  }

  /**
   * Runs the validation, once, and reports the tests. The validation database is restored while the stage is merged
   * in memory, and the patches are applied to it, read from the merge, while the merge is checked out.
   *
   * @param production ho-prod's production state, as the project's clean work tree on ho-prod holds it (the goal read
   *     it when it checked the project): the merge keeps it unless a merged branch changed model/, which is checked
   *     once the merge is known
   * @throws RepositoryStateException MERGE_CONFLICT naming the conflicting paths
   * @throws dev.hop.core.errors.PatchScriptException when a patch's script fails on the validation database
   */
  public TestReport run(ProductionState production) throws HopException {
    if (ran) {
      throw new IllegalStateException("A validation runs once");
    }
    ran = true;
    String next = project.settings().hints().command("patch-apply");
    String branch = "temp-valid-" + target;
    GitId start = new Branches(project.git()).tip(Project.HO_PROD);
    Restoring restoring = new Restoring(production, next);
    ValidationWorktree tree;
    try {
      tree = ValidationWorktree.create(project.git(), folder(), branch, start);
    } catch (HopException | RuntimeException e) {
      closeAll(e, restoring);
      throw e;
    }
    TestReport report;
    try {
      report = validate(restoring, tree, branch, start, next);
    } catch (HopException | RuntimeException e) {
      closeAll(e, tree, restoring);
      throw e;
    }
    cleanup = Background.start("hop-validation-cleanup", () -> {
      closeAll(null, tree, restoring);
      return null;
    });
    return report;
  }

  /**
   * Waits until the work tree and the database of a validation that ran to its end are gone; a failure to remove them
   * is a warning (the next validation replaces them).
   */
  @Override
  public void close() {
    if (cleanup != null) {
      try {
        cleanup.await();
      } catch (HopException | RuntimeException e) {
        project.events().accept(HopEvent.warn("The validation of " + patch + " left its work tree or database: "
            + e.getMessage()));
      }
    }
  }

  /** Closes each of {@code resources} in turn, the failures after the first (or after {@code primary}) suppressed. */
  private static void closeAll(Throwable primary, AutoCloseable... resources) throws HopException {
    Throwable first = primary;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (primary == null && first != null) {
      if (first instanceof HopException h) {
        throw h;
      }
      throw first instanceof RuntimeException r ? r : new IllegalStateException(first);
    }
  }

  private TestReport validate(Restoring restoring, ValidationWorktree tree, String branch, GitId start, String next)
      throws HopException {
    HopEvents events = project.events();
    long t0 = System.nanoTime();
    GitId merged = merge(tree, branch);
    events.accept(HopEvent.lifecycle("Build " + branch + ": ho-prod and " + branches().size() + " branch"
        + (branches().size() == 1 ? "" : "es") + " merged in " + project.dir().relativize(tree.folder()) + " ("
        + Durations.since(t0) + ")"));
    Background<Void> checkout = Background.start("hop-validation-checkout", () -> {
      tree.checkOut(merged);
      return null;
    });
    ScratchDatabase db;
    try {
      db = restoring.database();
      TreeReader reader = new TreeReader(tree.workspace());
      if (!reader.differences(start.name(), merged.name(), "model").isEmpty()) {
        checkout.await();
        db = restoring.replace(ProductionState.read(tree.folder().resolve("model")));
      }
      long t1 = System.nanoTime();
      Map<String, SortedMap<String, byte[]>> files = reader.folders(merged.name(), Project.PATCHES,
          context().stream().map(PatchId::value).toList());
      new PatchApplier(db.target(), events, next).apply(context(),
          id -> new PatchApplier.Files(files.get(id.value()), Optional.empty()), this::label);
      events.accept(HopEvent.lifecycle("Build the validation database " + db.target().database() + ": production "
          + restoring.version() + " and " + context().size() + " patch" + (context().size() == 1 ? "" : "es") + " ("
          + Durations.format(restoring.took().plusNanos(System.nanoTime() - t1)) + ")"));
    } finally {
      checkout.join();
    }
    checkout.await();
    long t2 = System.nanoTime();
    regenerate(db.target(), tree.folder());
    events.accept(HopEvent.lifecycle("Generate the code in the validation work tree (" + Durations.since(t2)
        + ")"));
    DatabaseTarget t = db.target();
    long t3 = System.nanoTime();
    TestReport report = tests.run(tree.folder(), new TestDatabaseTarget(t.url(), t.user(), t.password()));
    events.accept(HopEvent.lifecycle("Run the project's tests in a forked Maven (" + Durations.since(t3) + ")"));
    if (!report.passed()) {
      keepReports(tree.folder());
    }
    return report;
  }

  /**
   * The validation database, restored at the production state on a thread of its own from the moment it is made;
   * closing it waits for the restore and drops the database.
   */
  private final class Restoring implements AutoCloseable {
    private final String next;
    private final Background<ScratchDatabase> work;
    private ScratchDatabase database;
    private ProductionState production;
    private Duration took = Duration.ZERO;

    Restoring(ProductionState production, String next) {
      this.next = next;
      this.production = production;
      this.work = Background.start("hop-validation-database", () -> restore(production));
    }

    private ScratchDatabase restore(ProductionState production) throws HopException {
      long start = System.nanoTime();
      ScratchDatabase restored = ScratchDatabase.create(PatchValidation.this.database(), project.development(),
          production, project.settings().hints(), project.events(), next);
      took = Duration.ofNanos(System.nanoTime() - start);
      return restored;
    }

    /** The restored database, once the restore is over. */
    ScratchDatabase database() throws HopException {
      if (database == null) {
        database = work.await();
      }
      return database;
    }

    /** Drops the restored database and restores {@code production} instead, on this thread. */
    ScratchDatabase replace(ProductionState production) throws HopException {
      ScratchDatabase old = database();
      database = null;
      old.close();
      this.production = production;
      database = restore(production);
      return database;
    }

    /** The production version restored. */
    Version version() {
      return production.version();
    }

    /** How long the restore took. */
    Duration took() {
      return took;
    }

    @Override
    public void close() throws HopException {
      if (database == null) {
        work.join();
        try {
          database = work.await();
        } catch (HopException | RuntimeException e) {
          return; // nothing was made (a failed restore drops what it made); the goal reports why it stopped
        }
      }
      database.close();
    }
  }

  /** Copies the Surefire reports of the work tree into {@link #reportsFolder()}, replacing those of an earlier run. */
  private void keepReports(Path tree) throws HopException {
    Path kept = reportsFolder();
    try {
      if (Files.exists(kept)) {
        try (Stream<Path> old = Files.walk(kept)) {
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      for (Path reports : SurefireReports.folders(tree)) {
        Path into = kept.resolve(tree.relativize(reports).toString());
        try (Stream<Path> files = Files.walk(reports)) {
          for (Path file : files.toList()) {
            Path target = into.resolve(reports.relativize(file).toString());
            if (Files.isDirectory(file)) {
              Files.createDirectories(target);
            } else {
              Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new ProjectFileException("keep the validation's test reports in", kept, e);
    }
  }

  /** Merges the stage's branches and the patch's onto the work tree's branch, in memory. */
  private GitId merge(ValidationWorktree tree, String branch) throws HopException {
    GitId merged;
    try {
      merged = new InMemoryMerger(tree.workspace(), project.clock()).merge(branches(),
          source -> "Merge " + source + " into " + branch);
    } catch (RepositoryStateException e) {
      if (e.reason() != RepositoryStateException.Reason.MERGE_CONFLICT) {
        throw e;
      }
      throw conflict(e.ref(), branch, e);
    }
    project.events().accept(HopEvent.detail("Built " + branch + " from ho-prod and " + String.join(", ", branches())));
    return merged;
  }

  private RepositoryStateException conflict(String source, String branch, RepositoryStateException e) {
    String patchBranch = ReleaseArchive.patchBranch(patch);
    return new RepositoryStateException(RepositoryStateException.Reason.MERGE_CONFLICT, source, e.paths(),
        "Patch " + patch + " does not merge into release " + ReleaseName.stage(target) + ": merging " + source
            + " into " + branch + " conflicts on " + String.join(", ", e.paths()) + ". Nothing was changed (ho-prod"
            + " and origin are as they were; the validation work tree is removed). Merge " + others() + " into "
            + patchBranch + ", resolve the conflicts, push, then run: "
            + project.settings().hints().command("patch-add", "id", patch.value()));
  }

  /** What the patch branch must merge to resolve a conflict: ho-prod and the stage branches validation merges. */
  private String others() {
    List<String> stageBranches = branches().subList(0, branches().size() - 1);
    return stageBranches.isEmpty() ? "ho-prod" : "ho-prod and " + String.join(", ", stageBranches);
  }

  private List<PatchId> context() {
    return releases.validationContext(target, patch);
  }

  private String label(PatchId id) {
    return releases.releaseListing(id).orElse(ReleaseName.stage(target)).toString();
  }

  private void regenerate(DatabaseTarget db, Path tree) throws HopException {
    SchemaModel model;
    try (Connection c = db.connect()) {
      model = new SchemaReader().read(c);
    } catch (SQLException e) {
      throw DatabaseException.of("read the schema", db.database(), db.server(), e);
    }
    CodegenResult result = new CodeGenerator(tree, project.settings().basePackage(), project.events()).generate(model);
    project.events().accept(HopEvent.detail("Regenerated code in the validation work tree: " + result.summary()));
  }
}
