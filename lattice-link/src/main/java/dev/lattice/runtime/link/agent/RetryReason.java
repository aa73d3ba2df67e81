package dev.lattice.runtime.link.agent;

import dev.lattice.runtime.link.LinkLimits;
import io.grpc.Status;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * Why an agent's stream failed, as the operator needs it: the cause (one log line per cause per
 * minute) and what to do. The TLS causes are read from the exception chain gRPC attaches to the
 * status (the JDK's {@code SSLHandshakeException}, its {@code CertPathValidatorException} or a
 * received alert such as {@code bad_certificate}).
 */
record RetryReason(String cause, String text) {
  static RetryReason of(Status status) {
    for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
          || t instanceof CertPathValidatorException v && (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED
              || v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
        return new RetryReason("clock-skew", "the cell's certificate is not valid by this agent's clock (" + t.getMessage()
            + "): the clocks of this node and the cell disagree (clock skew), or the certificate expired");
      }
    }
    for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof CertPathValidatorException || m.contains("PKIX path") || m.contains("signature check failed")) {
        return new RetryReason("untrusted-cell", "the cell's certificate does not verify under the CA this agent trusts ("
            + m + "): the wrong CA, or the cell was re-keyed (a new CA); enrol this agent again with a token of the cell");
      }
      if (m.contains("Received fatal alert: ")) {
        String alert = m.substring(m.indexOf("Received fatal alert: ") + 22).toLowerCase(Locale.ROOT);
        return new RetryReason("certificate-refused", "the cell refused this agent's certificate in the TLS handshake ("
            + alert + "): not issued by the cell's current CA (a re-keyed cell: enrol again), or not valid by the cell's "
            + "clock (clock skew); the cell's log says which");
      }
    }
    if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED) {
      return new RetryReason("oversized", "a message from the cell is over this agent's limit of "
          + LinkLimits.MAX_MESSAGE_BYTES + " bytes (" + status.getDescription() + "): an oversized command, which a cell "
          + "of this version refuses when it is submitted");
    }
    if (status.getCause() == null && status.getDescription() != null) {
      return new RetryReason("cell-closed:" + status.getCode() + ":" + status.getDescription(),
          "the cell closed the stream (" + status.getCode() + ": " + status.getDescription() + ")");
    }
    return new RetryReason("unreachable:" + status.getCode(), "the cell is unreachable (" + status.getCode()
        + (status.getDescription() == null ? "" : ": " + status.getDescription())
        + (status.getCause() == null ? "" : ", " + status.getCause()) + ")");
  }
}
