package dev.readonce.gate;

/**
 * Input the gate cannot judge; its message is the one line the user sees, naming the file or ref
 * and what is wrong with it.
 */
final class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(oneLine(message));
  }

  BadInputException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** Folds a message that may span lines (compiler and parser messages do) into one line. */
  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
  }
}
