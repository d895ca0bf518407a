package dev.hop.core.codegen;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides the package and class name of every generated type of a model, once, so that names are unique
 * per package: relations first then enum types, each by schema then name, so the same schema gives the same names.
 */
final class ClassNames {

  /** A generated type's place. */
  record JavaClass(String packageName, String simpleName) {
    String qualifiedName() {
      return packageName + "." + simpleName;
    }

    /** Its source path below a source root, e.g. {@code com/example/db/shop/Item.java}. */
    String sourcePath(String suffix) {
      return packageName.replace('.', '/') + "/" + simpleName + suffix + ".java";
    }
  }

  private final Map<String, String> packages = new HashMap<>();
  private final Map<String, JavaClass> classes = new HashMap<>();

  ClassNames(SchemaModel model, String basePackage) {
    NameTable packageNames = new NameTable();
    Map<String, NameTable> typeNames = new HashMap<>();
    model.relations().stream().map(Relation::schema).distinct().sorted().forEach(schema -> packageOf(schema,
        basePackage, packageNames));
    model.enums().stream().map(EnumType::schema).distinct().sorted().forEach(schema -> packageOf(schema,
        basePackage, packageNames));
    for (Relation relation : model.relations()) {
      String pkg = packages.get(relation.schema());
      String name = typeNames.computeIfAbsent(pkg, p -> new NameTable())
          .claim(JavaNames.typeName(relation.name()), "Test");
      classes.put(key('r', relation.schema(), relation.name()), new JavaClass(pkg, name));
    }
    for (EnumType type : model.enums()) {
      String pkg = packages.get(type.schema());
      String name = typeNames.computeIfAbsent(pkg, p -> new NameTable()).claim(JavaNames.typeName(type.name()));
      classes.put(key('e', type.schema(), type.name()), new JavaClass(pkg, name));
    }
  }

  private void packageOf(String schema, String basePackage, NameTable names) {
    packages.computeIfAbsent(schema, s -> basePackage + "." + names.claim(JavaNames.packageSegment(s)));
  }

  JavaClass of(Relation relation) {
    return classes.get(key('r', relation.schema(), relation.name()));
  }

  JavaClass ofEnum(String schema, String name) {
    JavaClass type = classes.get(key('e', schema, name));
    if (type == null) {
      throw new IllegalArgumentException("No enum type " + schema + "." + name + " in the model");
    }
    return type;
  }

  private static String key(char kind, String schema, String name) {
    return kind + schema + "\u0000" + name;
  }
}
