package dev.hop.core.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A smart-HTTP Git server on 127.0.0.1 (the JDK's HTTP server with JGit's UploadPack and ReceivePack) that
 * serves the bare repositories of one folder to one user with HTTP basic authentication.
 */
final class HttpGitServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Path repositories;
  private final String expectedAuthorization;

  HttpGitServer(Path repositories, String user, String password) throws IOException {
    this.repositories = repositories;
    this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>/<name>}. */
  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"hop-test\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getQuery();
      if (path.endsWith("/info/refs") && query != null && query.startsWith("service=git-")) {
        String service = query.substring("service=".length());
        advertise(exchange, repository(path, "/info/refs"), service);
      } else if (path.endsWith("/git-upload-pack") || path.endsWith("/git-receive-pack")) {
        String service = path.substring(path.lastIndexOf('/') + 1);
        serve(exchange, repository(path, "/" + service), service);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private Repository repository(String path, String suffix) throws IOException {
    String name = path.substring(1, path.length() - suffix.length());
    return new FileRepositoryBuilder().setGitDir(repositories.resolve(name).toFile()).setMustExist(true).build();
  }

  private static void advertise(HttpExchange exchange, Repository repository, String service) throws IOException {
    try (repository) {
      exchange.getResponseHeaders().set("Content-Type", "application/x-" + service + "-advertisement");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      PacketLineOut out = new PacketLineOut(body);
      out.writeString("# service=" + service + "\n");
      out.end();
      if (service.equals("git-upload-pack")) {
        UploadPack upload = new UploadPack(repository);
        upload.setBiDirectionalPipe(false);
        upload.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(out));
      } else {
        ReceivePack receive = new ReceivePack(repository);
        receive.setBiDirectionalPipe(false);
        receive.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(out));
      }
      body.flush();
    }
  }

  private static void serve(HttpExchange exchange, Repository repository, String service) throws IOException {
    try (repository) {
      InputStream in = exchange.getRequestBody();
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        in = new GZIPInputStream(in);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-" + service + "-result");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      if (service.equals("git-upload-pack")) {
        UploadPack upload = new UploadPack(repository);
        upload.setBiDirectionalPipe(false);
        upload.upload(in, out, null);
      } else {
        ReceivePack receive = new ReceivePack(repository);
        receive.setBiDirectionalPipe(false);
        receive.receive(in, out, null);
      }
      out.flush();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
