package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the gate's UTF-8 input files (baselines, declarations) with messages that say what is
 * wrong in the user's terms: a binary file is "not UTF-8 text" at a byte offset, not the
 * decoder's {@code Input length = 1}.
 */
final class TextFiles {

  private TextFiles() {}

  /** The text of {@code file}, which {@code what} names in messages ("baseline", say). */
  static String readUtf8(Path file, String what) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(what + " " + file + ": it is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + what + " " + file + ": " + reason(e), e);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharsetDecoder decoder =
        UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      // The decoder stops with the buffer at the first byte it could not decode.
      int at = in.position();
      throw new BadInputException(
          what
              + " "
              + file
              + " is not UTF-8 text: byte 0x"
              + String.format(Locale.ROOT, "%02x", bytes[at] & 0xff)
              + " at offset "
              + at
              + " (is it a binary file?)",
          e);
    }
  }

  /** Why an I/O operation failed, in words: the JDK's messages are often just the path. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
