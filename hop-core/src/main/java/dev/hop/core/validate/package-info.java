/**
 * Runs a project's own tests against a database and reports them: {@link dev.hop.core.validate.TestRunner}, forked
 * Maven through Maven Invoker by default. Imports {@code base} and {@code errors}.
 */
package dev.hop.core.validate;
