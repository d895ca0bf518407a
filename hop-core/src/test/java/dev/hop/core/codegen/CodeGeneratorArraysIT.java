package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopEvent;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrays beyond the common case: bytea[] as {@code List<byte[]>}, a declared int4[][] as Object (listed). */
@WithPostgres
class CodeGeneratorArraysIT {

  @TempDir
  Path project;
  @TempDir
  Path classes;

  @Test
  void byteaArraysRoundTripAndMultiDimensionalArraysAreObjectsNamedInTheWarning(TestDatabase database)
      throws Exception {
    List<HopEvent> events = new ArrayList<>();
    CodegenResult result;
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA a; CREATE TABLE a.blob (id int PRIMARY KEY, blobs bytea[], grid int4[][], flat int4[])");
      result = new CodeGenerator(project, "x.db", events::add).generate(new SchemaReader().read(c));
    }
    assertThat(result.unknownColumns()).containsExactly("a.blob.grid integer[][]");
    assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("a.blob.grid integer[][]"));

    try (URLClassLoader loader = GeneratedSources.compile(classes, project.resolve("src/main/java"));
        Connection c = database.connect()) {
      Class<?> blob = loader.loadClass("x.db.a.Blob");
      Class<?> row = loader.loadClass("x.db.a.Blob$Row");
      assertThat(row.getRecordComponents()[1].getGenericType().getTypeName()).isEqualTo("java.util.List<byte[]>");
      assertThat(row.getRecordComponents()[2].getType()).isEqualTo(Object.class);
      List<byte[]> blobs = Arrays.asList(new byte[] {0, 1, (byte) 255}, null, new byte[0]);
      Object inserted = invoke(blob, "insert", c, row.getDeclaredConstructors()[0].newInstance(1, blobs, null,
          List.of(4, 5)));
      Optional<?> found = (Optional<?>) invoke(blob, "find", c, 1);

      for (Object r : List.of(inserted, found.orElseThrow())) {
        List<?> read = (List<?>) row.getMethod("blobs").invoke(r);
        assertThat(read).hasSize(3);
        assertThat((byte[]) read.get(0)).containsExactly(0, 1, (byte) 255);
        assertThat(read.get(1)).isNull();
        assertThat((byte[]) read.get(2)).isEmpty();
        assertThat(row.getMethod("flat").invoke(r)).isEqualTo(List.of(4, 5));
      }
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE a.blob SET grid = '{{1,2},{3,4}}'");
      }
      Object grid = row.getMethod("grid").invoke(((Optional<?>) invoke(blob, "find", c, 1)).orElseThrow());
      assertThat(grid).isNotNull();
    }
  }

  private static Object invoke(Class<?> relation, String name, Object... arguments) throws Exception {
    for (Method method : relation.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        try {
          return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    throw new AssertionError("no method " + name + " in " + relation);
  }
}
