package dev.hop.core.workflow;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.db.PatchScript;
import dev.hop.core.db.PatchScripts;
import dev.hop.core.errors.ProjectFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** Shows an upgrade plan to the user: one line per release and per patch with its files, and its SQL in a file. */
public final class UpgradePlanReport {

  private UpgradePlanReport() {
  }

  /** Emits the plan: each release with its patches and their files. */
  public static void describe(UpgradePlan plan, HopEvents events) {
    List<String> breaking = plan.releases().stream().flatMap(r -> r.patches().stream()
        .flatMap(p -> PatchScripts.of(p.files()).stream().filter(PatchScript::breaksTransaction)
            .map(s -> "Patches/" + p.id() + "/" + s.name()))).toList();
    events.accept(HopEvent.lifecycle("Upgrade plan: " + plan.from() + " -> " + plan.to() + (breaking.isEmpty()
        ? " in one transaction"
        : ", not in one transaction: " + String.join(", ", breaking) + " commit" + (breaking.size() == 1 ? "s" : "")
            + " the work before " + (breaking.size() == 1 ? "it" : "them") + ", so a failure after that is undone by"
            + " restoring the backup")));
    for (UpgradePlan.Release release : plan.releases()) {
      events.accept(HopEvent.lifecycle("Would apply release " + release.version() + " (tag " + release.tag()
          + "): " + release.patches().size() + " patch" + (release.patches().size() == 1 ? "" : "es")));
      for (UpgradePlan.Patch patch : release.patches()) {
        String files = PatchScripts.of(patch.files()).stream()
            .map(s -> s.name() + (s.kind() == PatchScript.Kind.JAVA ? " (Java: not transactional)"
                : s.isNoTransaction() ? " (no-transaction)" : ""))
            .collect(Collectors.joining(", "));
        events.accept(HopEvent.lifecycle("  patch " + patch.id() + ": " + (files.isEmpty() ? "no scripts" : files)));
      }
    }
  }

  /** Writes the plan's SQL to {@code file} (folders created, replaced atomically). */
  public static void write(UpgradePlan plan, String database, Path file) throws ProjectFileException {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, UpgradePlanSql.of(plan, database), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ProjectFileException("write the upgrade plan", file, e);
    }
  }
}
