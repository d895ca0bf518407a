package dev.hop.maven;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Looks up a {@code <server>} of settings.xml by id and decrypts its password. */
final class SettingsServers implements FleetTargetsFile.Servers {

  private final Settings settings;
  private final SettingsDecrypter decrypter;

  SettingsServers(Settings settings, SettingsDecrypter decrypter) {
    this.settings = settings;
    this.decrypter = decrypter;
  }

  /**
   * The credentials of server {@code id}.
   *
   * @param parameter the property that named the server, for the message ({@code hop.serverId})
   * @throws MojoFailureException when there is no such server or its password cannot be decrypted
   */
  @Override
  public Credentials credentials(String id, String parameter) throws MojoFailureException {
    Server server = settings == null ? null : settings.getServer(id);
    if (server == null) {
      throw new MojoFailureException("No <server> with id '" + id + "' in settings.xml (named by "
          + parameter + "). Add <server><id>" + id + "</id><username>…</username><password>…</password>"
          + "</server> to ~/.m2/settings.xml (encrypt the password with mvn --encrypt-password), "
          + "or remove " + parameter + ".");
    }
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    List<SettingsProblem> errors = result.getProblems().stream()
        .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
        .collect(Collectors.toList());
    if (!errors.isEmpty()) {
      throw new MojoFailureException("Cannot decrypt the password of <server> '" + id + "' in settings.xml: "
          + errors.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
          + ". Check ~/.m2/settings-security.xml (mvn --encrypt-master-password) or store the password "
          + "in clear.");
    }
    Server clear = result.getServer();
    return new Credentials(nonBlank(clear.getUsername()), nonBlank(clear.getPassword()));
  }

  /**
   * The JDBC URL server {@code id} carries in its {@code <configuration><url>}, for a fleet's targets file.
   *
   * @throws MojoFailureException when there is no such server or it carries no URL
   */
  @Override
  public String url(String id, String parameter) throws MojoFailureException {
    Server server = settings == null ? null : settings.getServer(id);
    Object configuration = server == null ? null : server.getConfiguration();
    Xpp3Dom url = configuration instanceof Xpp3Dom dom ? dom.getChild("url") : null;
    if (url == null || url.getValue() == null || url.getValue().isBlank()) {
      throw new MojoFailureException("<server> '" + id + "' of settings.xml (named in " + parameter + ") has no"
          + " <configuration><url>jdbc:postgresql://…</url></configuration>: a targets line that names a server"
          + " takes the database's URL from there. Add it, or write the JDBC URL on that line.");
    }
    return url.getValue().trim();
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
