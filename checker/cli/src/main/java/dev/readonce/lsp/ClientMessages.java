package dev.readonce.lsp;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/** Tells the user what the server could not resolve, each message once per session. */
final class ClientMessages {

  private final Set<String> said = ConcurrentHashMap.newKeySet();
  private final PrintStream log;
  private volatile LanguageClient client;

  ClientMessages(PrintStream log) {
    this.log = log;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  void once(MessageType type, String message) {
    if (!said.add(message)) {
      return;
    }
    log.println("readonce lsp: " + message);
    LanguageClient c = client;
    if (c != null) {
      c.showMessage(new MessageParams(type, "ReadOnce: " + message));
    }
  }
}
