package dev.hop.maven;

import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Evaluates the password parameter, which the Mojo receives unevaluated ({@code ${hop.password}} or what the pom
 * says): {@code mvn -X} prints every parameter's value as Maven injects it, and would print a plain String
 * parameter's password in clear.
 */
final class ConfiguredPassword {
  private ConfiguredPassword() {
  }

  /** The password {@code raw} evaluates to, empty when none or only blanks. */
  static Optional<String> resolve(PlexusConfiguration raw, MavenSession session, MojoExecution execution)
      throws MojoFailureException {
    if (raw == null || raw.getValue() == null) {
      return Optional.empty();
    }
    Object value;
    try {
      value = new PluginParameterExpressionEvaluator(session, execution).evaluate(raw.getValue());
    } catch (ExpressionEvaluationException e) {
      throw new MojoFailureException("Cannot evaluate the password parameter (hop.password or <password>): "
          + e.getMessage());
    }
    String text = value == null ? null : value.toString();
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
  }
}
