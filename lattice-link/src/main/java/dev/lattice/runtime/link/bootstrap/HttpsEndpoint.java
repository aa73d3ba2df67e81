package dev.lattice.runtime.link.bootstrap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTPS/1.1 server for the bootstrap endpoint, one request per connection: TLS 1.3 only
 * (the enabled protocols of every accepted socket), each connection served by its own worker (a
 * bounded pool; a connection that finds every worker and the queue busy is closed at once), a read
 * timeout on every read (the TLS handshake included) and a deadline for the whole exchange, after
 * which the connection is closed. So a client that sends a few bytes and then nothing holds one
 * worker for at most the read timeout and never blocks the others (the JDK {@code HttpsServer} read
 * such a connection on its dispatcher thread). Headers and bodies are bounded; no chunked bodies.
 */
final class HttpsEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpsEndpoint.class);

  /** Read timeout (each read), deadline (a whole exchange), workers, and the size limits. */
  record Limits(Duration read, Duration exchange, int workers, int maxHeaderBytes, int maxBodyBytes) {
    static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 16, 16 * 1024, 64 * 1024);
  }

  /** A request: method, path (no query), headers by lower-case name, body. */
  record Request(String method, String path, Map<String, String> headers, byte[] body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * A response; {@code after} runs once it was written, with true when it was written and flushed to
   * the client whole, false when the connection failed first.
   */
  record Response(int status, String contentType, byte[] body, java.util.function.Consumer<Boolean> after) {
    static Response text(int status, String text) {
      return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), delivered -> { });
    }
  }

  /** Answers a request; an exception is a 500. */
  interface Handler {
    Response handle(Request request) throws Exception;
  }

  private final ServerSocket server;
  private final SSLContext ssl;
  private final Limits limits;
  private final Handler handler;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService deadlines;
  private final Thread acceptor;
  private volatile boolean closed;
  private final dev.lattice.runtime.link.OncePerCause tlsReasons = new dev.lattice.runtime.link.OncePerCause(
      java.time.Clock.systemUTC(), dev.lattice.runtime.link.OncePerCause.MINUTE);

  private HttpsEndpoint(ServerSocket server, SSLContext ssl, Limits limits, Handler handler) {
    this.server = server;
    this.ssl = ssl;
    this.limits = limits;
    this.handler = handler;
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(limits.workers() * 4), r -> daemon(r, "lattice-bootstrap-" + n.incrementAndGet()));
    this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lattice-bootstrap-deadlines"));
    this.acceptor = daemon(this::accept, "lattice-bootstrap-accept");
  }

  /** Binds {@code address} and starts serving. */
  static HttpsEndpoint start(InetSocketAddress address, SSLContext ssl, Limits limits, Handler handler) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(address, 64);
    HttpsEndpoint e = new HttpsEndpoint(s, ssl, limits, handler);
    e.acceptor.start();
    return e;
  }

  int port() {
    return server.getLocalPort();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void accept() {
    while (!closed) {
      Socket plain;
      try {
        plain = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("link: bootstrap endpoint cannot accept: {}", e.getMessage());
          pause();
        }
        continue;
      }
      try {
        workers.execute(() -> serve(plain));
      } catch (RejectedExecutionException e) {
        LOG.warn("link: bootstrap endpoint busy ({} workers and their queue): closed a connection from {}",
            limits.workers(), plain.getRemoteSocketAddress());
        quietly(plain);
      }
    }
  }

  private void serve(Socket plain) {
    ScheduledFuture<?> deadline = deadlines.schedule(() -> quietly(plain), limits.exchange().toMillis(), TimeUnit.MILLISECONDS);
    try (plain) {
      plain.setSoTimeout((int) limits.read().toMillis());
      SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(plain, null, true);
      tls.setUseClientMode(false);
      tls.setEnabledProtocols(new String[] {"TLSv1.3"});
      try (tls) {
        tls.startHandshake();
        exchange(tls);
      }
    } catch (SSLException e) {
      String m = String.valueOf(e.getMessage());
      if (tlsReasons.shouldSay(m.length() > 60 ? m.substring(0, 60) : m)) {
        LOG.info("link: bootstrap endpoint: TLS with {} failed (said once a minute per reason): {}",
            plain.getRemoteSocketAddress(), m);
      }
    } catch (IOException e) {
      LOG.debug("link: bootstrap endpoint: connection from {} ended: {}", plain.getRemoteSocketAddress(), e.toString());
    } finally {
      deadline.cancel(false);
    }
  }

  private void exchange(SSLSocket tls) throws IOException {
    InputStream in = new BufferedInputStream(tls.getInputStream());
    OutputStream out = tls.getOutputStream();
    Response r;
    try {
      Request req = read(in, out);
      r = handle(req);
    } catch (Refused e) {
      r = Response.text(e.status, e.getMessage() + "\n");
    }
    boolean delivered = false;
    try {
      write(out, r);
      delivered = true;
    } finally {
      r.after().accept(delivered);
    }
  }

  private Response handle(Request req) {
    try {
      return handler.handle(req);
    } catch (Exception e) {
      LOG.warn("link: bootstrap endpoint: {} {} failed: {}", req.method(), req.path(), e.toString());
      return Response.text(500, "internal error\n");
    }
  }

  /** A request the endpoint refuses before the handler sees it. */
  private static final class Refused extends Exception {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private Request read(InputStream in, OutputStream out) throws IOException, Refused {
    int[] budget = {limits.maxHeaderBytes()};
    String requestLine = line(in, budget);
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new Refused(400, "bad request line");
    }
    Map<String, String> headers = new TreeMap<>();
    for (String h = line(in, budget); !h.isEmpty(); h = line(in, budget)) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new Refused(400, "bad header line");
      }
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    String path;
    try {
      path = new URI(parts[1]).getRawPath();
    } catch (URISyntaxException e) {
      throw new Refused(400, "bad request target");
    }
    if (path == null || !path.startsWith("/")) {
      throw new Refused(400, "bad request target");
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new Refused(411, "a body needs Content-Length");
    }
    long length;
    try {
      length = Long.parseLong(headers.getOrDefault("content-length", "0"));
    } catch (NumberFormatException e) {
      throw new Refused(400, "bad Content-Length");
    }
    if (length < 0 || length > limits.maxBodyBytes()) {
      throw new Refused(413, "request body too large");
    }
    if (length > 0 && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length != length) {
      throw new SocketException("the client closed the connection inside the body");
    }
    return new Request(parts[0], path, headers, body);
  }

  /** One CRLF- (or LF-) terminated line, within the header budget. */
  private static String line(InputStream in, int[] budget) throws IOException, Refused {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new SocketException("the client closed the connection inside the headers");
      }
      if (--budget[0] < 0) {
        throw new Refused(431, "request headers too large");
      }
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
  }

  private static void write(OutputStream out, Response r) throws IOException {
    String head = "HTTP/1.1 " + r.status() + " " + reason(r.status()) + "\r\nContent-Type: " + r.contentType()
        + "\r\nContent-Length: " + r.body().length + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(r.body());
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Server Error" : "Status";
    };
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void quietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    workers.shutdownNow();
    deadlines.shutdownNow();
  }
}
