package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.OncePerCause;
import java.time.Clock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell's side of a TLS handshake that failed before the service saw a call: an agent that does
 * not trust the cell's certificate (the wrong CA, or enrolled before the cell was re-keyed) aborts
 * with an alert, and only gRPC's transport sees it. grpc-netty reports every failed server handshake
 * to its {@code java.util.logging} logger {@code ProtocolNegotiators} at FINE with the message "TLS
 * negotiation failed for new client." — without the exception, which it fires down the pipeline
 * (grpc-java {@code netty/src/main/java/io/grpc/netty/ProtocolNegotiators.java},
 * {@code ServerTlsHandler.userEventTriggered}; the same string is in grpc-netty-shaded 1.83.0). This
 * handler turns those records into one warning a minute naming the likely causes; the agent's log
 * names the one it saw. A refused client certificate is also logged on its own ({@code TlsContexts}).
 */
final class TlsFailures extends Handler {
  static final String GRPC_LOGGER = "io.grpc.netty.shaded.io.grpc.netty.ProtocolNegotiators";
  private static final String FAILED = "TLS negotiation failed for new client";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(TlsFailures.class);
  /** Held strongly: java.util.logging keeps loggers weakly, and the level set here must stay. */
  private static Logger grpc;
  private static volatile OncePerCause reasons = new OncePerCause(Clock.systemUTC(), OncePerCause.MINUTE);

  private TlsFailures() {
    setLevel(Level.FINE);
  }

  /** Installs the handler once per JVM. */
  static synchronized void install() {
    if (grpc != null) {
      return;
    }
    grpc = Logger.getLogger(GRPC_LOGGER);
    if (grpc.getLevel() == null || grpc.getLevel().intValue() > Level.FINE.intValue()) {
      grpc.setLevel(Level.FINE);
    }
    grpc.addHandler(new TlsFailures());
  }

  /** Starts the once-a-minute window afresh by {@code clock} (tests: the handler is one per JVM). */
  static void clock(Clock clock) {
    reasons = new OncePerCause(clock, OncePerCause.MINUTE);
  }

  @Override
  public void publish(LogRecord r) {
    if (r.getMessage() == null || !r.getMessage().startsWith(FAILED) || !reasons.shouldSay("handshake")) {
      return;
    }
    LOG.warn("link: a TLS handshake with a client failed (said once a minute): typically an agent that does not "
        + "trust this cell's certificate — it holds another cell's CA, or enrolled before this cell was re-keyed (a new "
        + "CA: such agents must enrol again) — or whose clock makes the certificate look expired or not yet valid; "
        + "also a client without TLS 1.3, or a client certificate this cell refused (logged on its own line)");
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
