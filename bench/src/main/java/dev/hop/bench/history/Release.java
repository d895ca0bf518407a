package dev.hop.bench.history;

import java.util.List;

/** A production release of a generated history: its version ({@code X.Y.Z}) and its patches in order. */
public record Release(String version, List<Patch> patches) {

  public Release {
    patches = List.copyOf(patches);
  }
}
