package dev.hop.core.errors;

import java.util.Optional;

/** Refuses a release file that hop cannot read as one patch id per line, naming the file and line. */
public final class ReleaseFileException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Reason {
    /** A line that is neither blank, nor a {@code #} comment, nor a valid patch id. */
    INVALID_PATCH_ID,
    /** A patch id listed a second time in the same file. */
    DUPLICATE_PATCH_ID,
    /** Bytes that are not UTF-8 (the line is then unknown: 0). */
    NOT_UTF8
  }

  private static final String FORMAT = " A release file lists one patch id per line;"
      + " blank lines and lines starting with '#' are ignored.";

  private final String fileName;
  private final int line;
  private final Reason reason;

  private ReleaseFileException(String fileName, int line, Reason reason, String what, Throwable cause) {
    super("Invalid release file releases/" + fileName + (line > 0 ? ", line " + line : "") + ": " + what
        + FORMAT + " Fix releases/" + fileName + " and commit it.", cause);
    this.fileName = fileName;
    this.line = line;
    this.reason = reason;
  }

  /** A line of {@code fileName} is not a patch id; {@code cause} says which rule it breaks. */
  public static ReleaseFileException invalidLine(String fileName, int line, InvalidPatchIdException cause) {
    return new ReleaseFileException(fileName, line, Reason.INVALID_PATCH_ID, cause.getMessage(), cause);
  }

  /** {@code id} appears on {@code line} after it already appeared on {@code firstLine}. */
  public static ReleaseFileException duplicate(String fileName, int line, String id, int firstLine) {
    return new ReleaseFileException(fileName, line, Reason.DUPLICATE_PATCH_ID,
        "patch " + id + " is listed twice (first on line " + firstLine + "); remove one of the lines.", null);
  }

  /** {@code fileName} holds bytes that are not UTF-8. */
  public static ReleaseFileException notUtf8(String fileName, Throwable cause) {
    return new ReleaseFileException(fileName, 0, Reason.NOT_UTF8, "it is not valid UTF-8.", cause);
  }

  /** The file name inside {@code releases/}, e.g. {@code 1.4.0-stage.txt}. */
  public String fileName() {
    return fileName;
  }

  /** The 1-based line at fault, or 0 when the whole file is. */
  public int line() {
    return line;
  }

  public Reason reason() {
    return reason;
  }

  /** The refusal of the faulty line's patch id, when that is the reason. */
  public Optional<InvalidPatchIdException> patchIdRefusal() {
    return getCause() instanceof InvalidPatchIdException e ? Optional.of(e) : Optional.empty();
  }
}
