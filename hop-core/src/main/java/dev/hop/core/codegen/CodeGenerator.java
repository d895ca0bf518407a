package dev.hop.core.codegen;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.errors.CodegenException;
import dev.hop.core.errors.GeneratedSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings a project's generated sources in line with a schema model: relation classes merged with the user's code,
 * enums rewritten, tests written once, classes of vanished relations deleted or kept with a warning. A class whose
 * inputs and file are both as the last run left them ({@link GenerationCache}) is not even generated; one whose
 * generated source and file are is not parsed; when no file needs parsing, JavaParser is not even loaded.
 */
public final class CodeGenerator {

  private static final String MARKER = "@Generated(\"hop\")";

  private final Path projectDir;
  private final Path mainRoot;
  private final Path testRoot;
  private final String basePackage;
  private final HopEvents events;
  private GeneratedCodeMerger merger;
  /** The relation classes the last {@link #generate} generated, for tests: the others were known unchanged. */
  private final List<Path> generatedClasses = new ArrayList<>();

  /**
   * @param projectDir the project's root: code goes to {@code src/main/java} and {@code src/test/java} below it
   * @param basePackage the package of generated code, e.g. {@code com.example.db}
   */
  public CodeGenerator(Path projectDir, String basePackage, HopEvents events) {
    this.projectDir = projectDir;
    this.mainRoot = projectDir.resolve("src/main/java");
    this.testRoot = projectDir.resolve("src/test/java");
    this.basePackage = basePackage;
    this.events = events;
  }

  /** Generates the code of every relation and enum type of {@code model}. */
  public CodegenResult generate(SchemaModel model) throws CodegenException, GeneratedSourceException {
    ClassNames names = new ClassNames(model, basePackage);
    TypeMapper types = new TypeMapper(names);
    RelationClassGenerator classes = new RelationClassGenerator(names, types);
    GenerationInputs inputs = new GenerationInputs(model, names, basePackage);
    TestClassGenerator tests = new TestClassGenerator();
    EnumGenerator enums = new EnumGenerator(names);
    CodeWriter writer = new CodeWriter();
    GenerationCache cache = GenerationCache.load(projectDir);
    Set<Path> planned = new HashSet<>();
    List<Path> merged = new ArrayList<>();
    generatedClasses.clear();

    List<String> unknown = types.unknownColumns(model);
    if (!unknown.isEmpty()) {
      events.accept(HopEvent.warn("hop maps " + unknown.size() + " column(s) of unknown type to Object: "
          + String.join(", ", unknown)));
    }
    for (Relation relation : model.relations()) {
      ClassNames.JavaClass javaClass = names.of(relation);
      Path path = mainRoot.resolve(javaClass.sourcePath(""));
      planned.add(path);
      String digest = inputs.of(relation);
      Optional<String> existing = writer.read(path);
      if (existing.isPresent() && cache.unchanged(path, digest, existing.get())) {
        // what generating and merging would give it: counted unchanged, the file untouched
        writer.write(path, existing, existing.get());
      } else {
        GeneratedClass fresh = classes.generate(relation);
        generatedClasses.add(path);
        String content = existing.isPresent() ? content(path, existing.get(), fresh, cache, merged) : fresh.source();
        writer.write(path, existing, content);
        cache.record(path, digest, fresh.source(), content);
      }
      Path test = testRoot.resolve(javaClass.sourcePath("Test"));
      if (!Files.exists(test)) {
        writer.write(test, Optional.empty(), tests.generate(javaClass));
      }
    }
    for (EnumType type : model.enums()) {
      Path path = mainRoot.resolve(names.ofEnum(type.schema(), type.name()).sourcePath(""));
      planned.add(path);
      writer.write(path, enums.generate(type));
    }
    List<Path> kept = removeStale(planned, writer, tests);
    CodegenResult result = writer.result(kept, merged, unknown);
    save(cache);
    // a detail: the goal's own line gives the summary, with its duration
    events.accept(HopEvent.detail("Generated code for " + model.relations().size() + " relation(s) and "
        + model.enums().size() + " enum type(s): " + result.summary() + "; generated " + generatedClasses.size()
        + " relation class(es), the others known unchanged; parsed " + merged.size() + " file(s) to merge your code"));
    return result;
  }

  /**
   * What the relation class at {@code path}, holding {@code existing}, must hold: parsed and merged (and added to
   * {@code merged}) unless it is exactly hop's, the cache knows it up to date, or it holds nothing but hop's text
   * ({@link HopOnlyClass}: then it becomes the fresh class).
   */
  private String content(Path path, String existing, GeneratedClass fresh, GenerationCache cache, List<Path> merged)
      throws GeneratedSourceException {
    if (existing.equals(fresh.source()) || cache.upToDate(path, fresh.source(), existing)) {
      return existing;
    }
    if (HopOnlyClass.test(existing, fresh)) {
      return fresh.source();
    }
    merged.add(path);
    return merger().merge(path, existing, fresh);
  }

  /** The files of the relation classes the last {@link #generate} generated rather than knew unchanged. */
  List<Path> generatedClasses() {
    return List.copyOf(generatedClasses);
  }

  /** Saves the cache of this run; a failure only costs the next run some generating and parsing. */
  private void save(GenerationCache cache) {
    try {
      cache.save();
    } catch (IOException | RuntimeException e) {
      events.accept(HopEvent.detail("Could not save " + projectDir.resolve(GenerationCache.FILE) + " (" + e
          + "); the next run generates every class and parses every file that holds your code"));
    }
  }

  /** The merger, made on first use: most runs need no parsing, so JavaParser stays unloaded. */
  private GeneratedCodeMerger merger() {
    if (merger == null) {
      merger = new GeneratedCodeMerger();
    }
    return merger;
  }

  /** Deletes hop's files that the model no longer produces, unless they hold user code; returns those kept. */
  private List<Path> removeStale(Set<Path> planned, CodeWriter writer, TestClassGenerator tests)
      throws CodegenException {
    List<Path> kept = new ArrayList<>();
    for (Path path : javaFiles(mainRoot.resolve(basePackage.replace('.', '/')))) {
      if (planned.contains(path)) {
        continue;
      }
      String text = writer.read(path).orElse("");
      if (!text.contains(MARKER)) {
        continue;
      }
      if (merger().holdsUserCode(text)) {
        kept.add(path);
        events.accept(HopEvent.warn("Kept " + path + ": its relation no longer exists but the file holds your code."
            + " Move your code elsewhere and delete the file, or delete it if you no longer need it."));
        continue;
      }
      writer.delete(path);
      Path relative = mainRoot.relativize(path);
      String simpleName = relative.getFileName().toString().replaceAll("\\.java$", "");
      ClassNames.JavaClass javaClass = new ClassNames.JavaClass(
          relative.getParent().toString().replace(java.io.File.separatorChar, '.'), simpleName);
      Path test = testRoot.resolve(javaClass.sourcePath("Test"));
      Optional<String> testText = writer.read(test);
      if (testText.isPresent() && testText.get().equals(tests.generate(javaClass))) {
        writer.delete(test);
      }
    }
    return kept;
  }

  private static List<Path> javaFiles(Path folder) throws CodegenException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw CodegenException.file("list", folder, e);
    }
  }
}
