package dev.hop.core.git;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;

/** Spells the ref names of hop's Git model. */
final class Refs {
  static final String PRODUCTION_BRANCH = "ho-prod";
  static final String LOCK_TAG_NAME = "lock-ho-prod";
  static final String LOCK_TAG = Constants.R_TAGS + LOCK_TAG_NAME;
  static final String RELEASE_BRANCH_PREFIX = "ho-release/";
  static final String PATCH_BRANCH_PREFIX = "ho-patch/";
  static final String REMOTES_ORIGIN = Constants.R_REMOTES + GitWorkspace.ORIGIN + "/";

  private Refs() {
  }

  static String remoteBranch(String branch) {
    return REMOTES_ORIGIN + branch;
  }

  static String branch(String name) {
    return name.startsWith(Constants.R_REFS) ? name : Constants.R_HEADS + name;
  }

  static String tag(String name) {
    return name.startsWith(Constants.R_REFS) ? name : Constants.R_TAGS + name;
  }

  static List<String> paths(Map<String, ?> byPath) {
    return byPath == null ? List.of() : List.copyOf(new TreeSet<>(byPath.keySet()));
  }
}
