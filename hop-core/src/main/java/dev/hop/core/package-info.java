/**
 * hop-core's API: {@link dev.hop.core.Hop}, which hands out one single-use command per goal
 * ({@link dev.hop.core.HopCommand}: fluent setters, then a {@code call()} that checks every precondition before its
 * first change), and the goals' results. With it, callers use the settings and events of {@code base}, the
 * exceptions of {@code errors}, the JSON of {@code json}, and the release model's values {@code Version},
 * {@code ReleaseLevel} and {@code PatchId}; every other package is internal.
 *
 * <p>The layers, each importing only those before it: {@code base} (nothing of hop) → {@code errors} →
 * {@code release} → {@code plan} → the engines {@code git}, {@code db}, {@code codegen}, {@code devserver},
 * {@code validate} (none imports another) → {@code workflow} → this package → {@code json}. JGit stays in
 * {@code git}, JavaParser in {@code codegen}, Maven Invoker in {@code validate}; {@code LayersTest} holds all this.
 */
package dev.hop.core;
