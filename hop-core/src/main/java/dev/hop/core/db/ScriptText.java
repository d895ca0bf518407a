package dev.hop.core.db;

import dev.hop.core.errors.PatchScriptException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes a script's bytes as strict UTF-8, refusing anything else with the file's name. */
final class ScriptText {

  private ScriptText() {
  }

  static String decode(String file, byte[] bytes, String next) throws PatchScriptException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PatchScriptException(PatchScriptException.Reason.UNREADABLE, file, 0, 0, null, null,
          file + " is not valid UTF-8 (" + e.getMessage() + "): hop reads scripts as UTF-8. Save it as UTF-8,"
          + " then run " + next);
    }
  }
}
