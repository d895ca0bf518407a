package dev.hop.core.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports of the loopback address the embedded server listens on ({@link RunningServer#HOST}). */
final class LoopbackPort {
  private LoopbackPort() {
  }

  /** Whether nothing listens on {@code port}: the server may take it again. */
  static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(RunningServer.HOST))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port that is free now, chosen by the system. */
  static int any() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(RunningServer.HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + RunningServer.HOST, e);
    }
  }
}
