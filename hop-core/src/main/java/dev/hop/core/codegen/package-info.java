/**
 * Code generation: reads a schema's relations and types, and writes one Java class per relation (JavaParser merges
 * the code users wrote into it). Imports {@code base} and {@code errors}.
 */
package dev.hop.core.codegen;
