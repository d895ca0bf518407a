package dev.hop.core.codegen;

import java.util.List;

/**
 * The source hop writes for one class when its file does not exist yet, with the parts the merger splices into a
 * file that does.
 *
 * @param simpleName the class's name
 * @param imports its import declarations, e.g. {@code import java.util.List;}
 * @param members its generated members, in file order
 * @param source the whole file
 */
record GeneratedClass(String simpleName, List<String> imports, List<GeneratedMember> members, String source) {

  GeneratedClass {
    imports = List.copyOf(imports);
    members = List.copyOf(members);
  }
}
